import type { ContentCategory, PostStatus } from "@/db/schema/calendar";

/**
 * The calendar's colours per content category (the lead unifies them with the content area's
 * CATEGORY_STYLES at merge). Colour is never the only signal: chips also carry their category
 * in their accessible label and the legend names each colour.
 */
export const CATEGORY_COLORS: Record<ContentCategory, { chip: string; dot: string; text: string }> = {
  product: { chip: "border-l-sky-500 bg-sky-50", dot: "bg-sky-500", text: "text-sky-900" },
  values: { chip: "border-l-violet-500 bg-violet-50", dot: "bg-violet-500", text: "text-violet-900" },
  interaction: { chip: "border-l-amber-500 bg-amber-50", dot: "bg-amber-500", text: "text-amber-900" },
  activity: { chip: "border-l-rose-500 bg-rose-50", dot: "bg-rose-500", text: "text-rose-900" },
};

export const STATUS_MARKS: Record<PostStatus | "late", string> = {
  draft: "border border-dashed border-stone-400 text-stone-600",
  scheduled: "bg-white text-stone-700 border border-stone-300",
  due: "bg-amber-100 text-amber-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-stone-200 text-stone-600 line-through",
  late: "bg-orange-100 text-orange-900",
};
