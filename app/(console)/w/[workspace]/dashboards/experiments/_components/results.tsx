import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { ExperimentResults } from "@/lib/experiments/queries";
import { formatYuan } from "@/lib/roi/money";
import { VariantChart } from "./variant-chart";

type Side = ExperimentResults["a"];

/** Both variants side by side: reach, unique clicks, click rate, orders, pay rate, revenue. */
export async function ResultsTable({ results }: { results: ExperimentResults }) {
  const [t, format] = await Promise.all([getTranslations("experiments.metrics"), getFormatter()]);
  const pct = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-stone-500">
          <tr>
            {(["variant", "reach", "uniqueClicks", "clickRate", "orders", "payRate", "revenue"] as const).map((c) => (
              <th key={c} className="py-2 pr-4 font-medium">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 tabular-nums">
          {[results.a, results.b].map((s, i) => (
            <tr key={s.variantId}>
              <th scope="row" className="py-2 pr-4 font-medium">
                {i === 0 ? "A" : "B"} · {s.label}
              </th>
              <td className="py-2 pr-4">{format.number(s.reach)}</td>
              <td className="py-2 pr-4">{format.number(s.uniqueClicks)}</td>
              <td className="py-2 pr-4">{pct(s.clickRate)}</td>
              <td className="py-2 pr-4">{format.number(s.orders)}</td>
              <td className="py-2 pr-4">{pct(s.payRate)}</td>
              <td className="py-2 pr-4">¥{formatYuan(s.netRevenueCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A small per-day chart of one variant with the same figures in a table beneath. */
export async function VariantDaily({ side, color }: { side: Side; color: string }) {
  const [t, m, format] = await Promise.all([getTranslations("experiments.detail"), getTranslations("experiments.metrics"), getFormatter()]);
  return (
    <Card title={t("chartTitle", { label: side.label })}>
      {side.daily.length === 0 ? (
        <p className="text-sm text-stone-500">{t("noDaily")}</p>
      ) : (
        <>
          <VariantChart data={side.daily} label={t("chartTitle", { label: side.label })} reachLabel={m("reach")} clicksLabel={m("uniqueClicks")} color={color} />
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-stone-600">{t("chartTable", { label: side.label })}</summary>
            <table className="mt-2 w-full text-left tabular-nums">
              <caption className="sr-only">{t("chartTable", { label: side.label })}</caption>
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-1 pr-3 font-medium">{m("day")}</th>
                  <th className="py-1 pr-3 font-medium">{m("reach")}</th>
                  <th className="py-1 pr-3 font-medium">{m("uniqueClicks")}</th>
                  <th className="py-1 pr-3 font-medium">{m("orders")}</th>
                </tr>
              </thead>
              <tbody>
                {side.daily.map((d) => (
                  <tr key={d.day} className="border-t border-stone-100">
                    <td className="py-1 pr-3">{d.day}</td>
                    <td className="py-1 pr-3">{format.number(d.reach)}</td>
                    <td className="py-1 pr-3">{format.number(d.uniqueClicks)}</td>
                    <td className="py-1 pr-3">{format.number(d.orders)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Card>
  );
}
