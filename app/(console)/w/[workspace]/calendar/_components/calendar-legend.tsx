import { getTranslations } from "next-intl/server";
import { CATEGORY_COLORS, STATUS_MARKS } from "@/components/calendar/category-colors";

export async function CalendarLegend() {
  const t = await getTranslations("calendar");
  return (
    <section aria-labelledby="legend-title" className="rounded-lg border border-stone-200 bg-white p-4 text-xs">
      <h2 id="legend-title" className="text-sm font-semibold text-stone-900">
        {t("legend")}
      </h2>
      <p className="mt-2 text-stone-500">{t("legendCategories")}</p>
      <ul className="mt-1 space-y-1">
        {(["product", "values", "interaction", "activity"] as const).map((k) => (
          <li key={k} className="flex items-start gap-2">
            <span aria-hidden className={`mt-0.5 inline-block h-3 w-3 shrink-0 rounded-sm ${CATEGORY_COLORS[k].dot}`} />
            <span>
              <span className="font-medium text-stone-800">{t(`categories.${k}`)}</span> <span className="text-stone-500">{t(`categories.${k}Hint`)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-stone-500">{t("legendStatus")}</p>
      <ul className="mt-1 flex flex-wrap gap-1">
        {(["scheduled", "due", "sent", "failed", "cancelled", "late"] as const).map((s) => (
          <li key={s} className={`rounded px-1.5 py-0.5 ${STATUS_MARKS[s]}`}>
            {t(`statuses.${s}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
