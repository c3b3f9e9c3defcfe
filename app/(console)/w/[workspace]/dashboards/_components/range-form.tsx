import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { addLocalDays } from "@/lib/calendar/time";
import type { Range } from "@/lib/dashboards/queries";

/** The date range of a dashboard (local days, GET form, so the URL can be shared) with quick picks. */
export async function RangeForm({ action, range, today, hidden = {} }: { action: string; range: Range; today: string; hidden?: Record<string, string> }) {
  const t = await getTranslations("dashboards");
  const quick = [7, 30, 90].map((days) => {
    const q = new URLSearchParams({ ...hidden, from: addLocalDays(today, 1 - days), to: today });
    return { days, href: `${action}?${q}`, current: range.to === today && range.from === addLocalDays(today, 1 - days) };
  });
  return (
    <form action={action} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm">
        <span className="block text-xs text-stone-500">{t("range.from")}</span>
        <input type="date" name="from" defaultValue={range.from} max={today} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
      </label>
      <label className="text-sm">
        <span className="block text-xs text-stone-500">{t("range.to")}</span>
        <input type="date" name="to" defaultValue={range.to} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
      </label>
      <button type="submit" className="min-h-9 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm">
        {t("range.apply")}
      </button>
      <nav aria-label={t("range.quick")} className="flex gap-3 pb-2 text-sm">
        {quick.map((q) => (
          <Link key={q.days} href={q.href} aria-current={q.current ? "page" : undefined} className={q.current ? "font-medium text-stone-900" : "text-emerald-700 underline"}>
            {t("range.lastDays", { days: q.days })}
          </Link>
        ))}
      </nav>
    </form>
  );
}
