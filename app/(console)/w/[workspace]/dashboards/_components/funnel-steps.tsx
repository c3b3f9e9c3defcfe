import { getTranslations } from "next-intl/server";
import { formatCount, formatPercent, formatYuan, type Funnel } from "@/lib/dashboards/math";

/**
 * The funnel reach → click → pay as steps with the rate between them. Bars are drawn on a
 * square-root scale so a step of a few dozen orders stays visible next to thousands reached.
 */
export async function FunnelSteps({ funnel }: { funnel: Funnel }) {
  const t = await getTranslations("dashboards");
  const max = Math.max(1, funnel.reach, funnel.uniqueClicks, funnel.orders);
  const width = (n: number) => `${Math.max(n > 0 ? 2 : 0, Math.round((Math.sqrt(n) / Math.sqrt(max)) * 100))}%`;
  const steps = [
    { key: "reach", label: t("col.reach"), value: funnel.reach, rate: null as string | null },
    { key: "uniqueClicks", label: t("col.uniqueClicks"), value: funnel.uniqueClicks, rate: `${t("col.clickRate")} ${formatPercent(funnel.clickRate)}` },
    { key: "orders", label: t("col.orders"), value: funnel.orders, rate: `${t("col.payRate")} ${formatPercent(funnel.payRate)}` },
  ];
  return (
    <div>
      <ol className="space-y-3" aria-label={t("funnel.stepsLabel")}>
        {steps.map((s) => (
          <li key={s.key} data-step={s.key}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="text-stone-700">{s.label}</span>
              <span>
                {s.rate ? <span className="mr-3 text-xs text-stone-500">{s.rate}</span> : null}
                <span className="font-semibold tabular-nums text-stone-900">{formatCount(s.value)}</span>
              </span>
            </div>
            <div className="mt-1 h-3 rounded bg-stone-100" aria-hidden>
              <div className="h-3 rounded bg-emerald-600" style={{ width: width(s.value) }} />
            </div>
          </li>
        ))}
      </ol>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-stone-500">{t("col.netRevenue")}</dt>
          <dd className="font-semibold tabular-nums" data-figure="netRevenue">
            {formatYuan(funnel.netRevenueCents)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("col.averageOrder")}</dt>
          <dd className="font-semibold tabular-nums">{formatYuan(funnel.averageOrderCents)}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("col.refunds")}</dt>
          <dd className="font-semibold tabular-nums">{formatYuan(funnel.refundCents)}</dd>
        </div>
      </dl>
    </div>
  );
}
