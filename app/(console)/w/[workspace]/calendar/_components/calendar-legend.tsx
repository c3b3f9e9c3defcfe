import { getTranslations } from "next-intl/server";
import { STATUS_MARKS } from "@/components/calendar/category-colors";
import { CategoryLegend } from "@/components/content/category";

export async function CalendarLegend() {
  const t = await getTranslations("calendar");
  return (
    <section aria-labelledby="legend-title" className="rounded-lg border border-stone-200 bg-white p-4 text-xs">
      <h2 id="legend-title" className="text-sm font-semibold text-stone-900">
        {t("legend")}
      </h2>
      <p className="mt-2 text-stone-500">{t("legendCategories")}</p>
      <div className="mt-1">
        <CategoryLegend />
      </div>
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
