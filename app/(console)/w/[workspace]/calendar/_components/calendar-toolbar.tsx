import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { shiftDate, viewQuery, type CalendarView } from "@/lib/calendar/view-range";

const linkClass = "inline-flex min-h-9 items-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-800 hover:bg-stone-50";

/** View switch, paging and the scope filter; everything lives in the URL. */
export async function CalendarToolbar({
  base,
  view,
  today,
  title,
  groups,
  plans,
}: {
  base: string;
  view: CalendarView;
  today: string;
  title: string;
  groups: { id: string; name: string }[];
  plans: { id: string; name: string }[];
}) {
  const t = await getTranslations("calendar");
  const unit = t(`views.${view.view}`);
  const scopeValue = view.scope.kind === "all" ? "" : `${view.scope.kind}:${view.scope.id}`;
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label={t("views.label")} className="flex overflow-hidden rounded-md border border-stone-300">
          {(["week", "month", "day"] as const).map((v) => (
            <Link
              key={v}
              href={base + viewQuery(view, { view: v })}
              aria-current={view.view === v ? "page" : undefined}
              className={`px-3 py-1.5 text-sm ${view.view === v ? "bg-emerald-700 text-white" : "bg-white text-stone-700 hover:bg-stone-50"}`}
            >
              {t(`views.${v}`)}
            </Link>
          ))}
        </nav>
        <Link href={base + viewQuery(view, { date: shiftDate(view.view, view.date, -1) })} className={linkClass} aria-label={t("prev", { unit })}>
          ‹
        </Link>
        <Link href={base + viewQuery(view, { date: today })} className={linkClass}>
          {t("today")}
        </Link>
        <Link href={base + viewQuery(view, { date: shiftDate(view.view, view.date, 1) })} className={linkClass} aria-label={t("next", { unit })}>
          ›
        </Link>
        <h2 className="ml-1 text-lg font-semibold text-stone-900">{title}</h2>
      </div>
      <form action={base} className="flex items-end gap-2">
        <input type="hidden" name="view" value={view.view} />
        <input type="hidden" name="date" value={view.date} />
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("scope.label")}</span>
          <select name="scope" defaultValue={scopeValue} className="mt-1 max-w-56 rounded-md border border-stone-300 bg-white px-2 py-1.5">
            <option value="">{t("scope.all")}</option>
            {plans.length ? (
              <optgroup label={t("scope.plans")}>
                {plans.map((p) => (
                  <option key={p.id} value={`plan:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("scope.groups")}>
              {groups.map((g) => (
                <option key={g.id} value={`group:${g.id}`}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm">
          {t("scope.apply")}
        </button>
      </form>
    </div>
  );
}
