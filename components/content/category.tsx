import { useTranslations } from "next-intl";
import type { ContentCategory } from "@/db/schema";

/**
 * One colour per content category, used everywhere a category shows (library, columns,
 * calendar), so a manager reads the mix at a glance. Full class names, for Tailwind to find.
 */
export const CATEGORY_STYLES: Record<ContentCategory, { bg: string; border: string; accent: string; text: string; dot: string }> = {
  product: { bg: "bg-sky-50", border: "border-sky-300", accent: "border-l-sky-500", text: "text-sky-900", dot: "bg-sky-500" },
  values: { bg: "bg-violet-50", border: "border-violet-300", accent: "border-l-violet-500", text: "text-violet-900", dot: "bg-violet-500" },
  interaction: { bg: "bg-amber-50", border: "border-amber-300", accent: "border-l-amber-500", text: "text-amber-900", dot: "bg-amber-500" },
  activity: { bg: "bg-rose-50", border: "border-rose-300", accent: "border-l-rose-500", text: "text-rose-900", dot: "bg-rose-500" },
};

export const CATEGORY_ORDER: ContentCategory[] = ["product", "values", "interaction", "activity"];

/** The category's name on its colour; works in server and client components alike. */
export function CategoryBadge({ category }: { category: ContentCategory }) {
  const t = useTranslations("contentCategories");
  const s = CATEGORY_STYLES[category];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded border px-2 py-0.5 text-xs font-medium ${s.bg} ${s.border} ${s.text}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${s.dot}`} />
      {t(category)}
    </span>
  );
}

/** What each colour means, with the category's short description. */
export function CategoryLegend({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("contentCategories");
  return (
    <ul aria-label={t("legend")} className="flex flex-wrap gap-x-4 gap-y-2 text-xs text-stone-700">
      {CATEGORY_ORDER.map((c) => (
        <li key={c} className="flex items-center gap-1.5">
          <span aria-hidden className={`h-3 w-3 rounded-sm border ${CATEGORY_STYLES[c].dot} ${CATEGORY_STYLES[c].border}`} />
          <span className="font-medium">{t(c)}</span>
          {compact ? null : <span className="text-stone-500">{t(`hints.${c}`)}</span>}
        </li>
      ))}
    </ul>
  );
}
