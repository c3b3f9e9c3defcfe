import { CATEGORY_ORDER, CATEGORY_STYLES } from "@/components/content/category";
import type { ContentCategory, PostStatus } from "@/db/schema/calendar";

/**
 * The calendar chips' colours, from the one category palette (components/content/category.tsx).
 * Colour is never the only signal: chips also carry their category in their accessible label
 * and the legend names each colour.
 */
export const CATEGORY_COLORS = Object.fromEntries(
  CATEGORY_ORDER.map((c) => [c, { chip: `${CATEGORY_STYLES[c].accent} ${CATEGORY_STYLES[c].bg}`, dot: CATEGORY_STYLES[c].dot, text: CATEGORY_STYLES[c].text }]),
) as Record<ContentCategory, { chip: string; dot: string; text: string }>;

export const STATUS_MARKS: Record<PostStatus | "late", string> = {
  draft: "border border-dashed border-stone-400 text-stone-600",
  scheduled: "bg-white text-stone-700 border border-stone-300",
  due: "bg-amber-100 text-amber-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-stone-200 text-stone-600 line-through",
  late: "bg-orange-100 text-orange-900",
};
