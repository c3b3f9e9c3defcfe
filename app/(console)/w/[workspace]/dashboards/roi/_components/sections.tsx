import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import type { Funnel } from "@/lib/roi/math";
import { funnelRates, roiOf } from "@/lib/roi/math";
import { formatYuan } from "@/lib/roi/money";
import type { CostRow, RoiRow, pilotComparison } from "@/lib/roi/queries";
import { deleteCostAction } from "../actions";
import { CompareChart } from "./compare-chart";

async function formats() {
  const [t, format] = await Promise.all([getTranslations("roi"), getFormatter()]);
  const pct = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const yuan = (cents: number | null) => (cents === null ? "—" : `¥${formatYuan(cents)}`);
  const roi = (v: number | null) => (v === null ? "—" : format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  return { t, format, pct, yuan, roi };
}

function ExportLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} className="text-sm text-emerald-700 underline" download>
      {label}
    </a>
  );
}

/** The range's funnel with the total cost and ROI beside it. */
export async function FunnelSummary({ funnel, costCents, from, to }: { funnel: Funnel; costCents: number; from: string; to: string }) {
  const { t, format, pct, yuan, roi } = await formats();
  const r = funnelRates(funnel);
  const items: [string, string][] = [
    [t("metrics.reach"), format.number(funnel.reach)],
    [t("metrics.uniqueClicks"), format.number(funnel.uniqueClicks)],
    [t("metrics.clickRate"), pct(r.clickRate)],
    [t("metrics.orders"), format.number(funnel.orders)],
    [t("metrics.payRate"), pct(r.payRate)],
    [t("metrics.revenue"), yuan(r.netRevenueCents)],
    [t("metrics.cost"), yuan(costCents)],
    [t("metrics.roi"), roi(roiOf(r.netRevenueCents, costCents))],
  ];
  return (
    <Card title={t("funnelTitle", { from, to })} id="funnel">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map(([label, value], i) => (
          <div key={label} className={`rounded-md p-3 ${i >= 6 ? "bg-emerald-50" : "bg-stone-50"}`}>
            <dt className="text-xs text-stone-500">{label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={i === 7 ? "roi-total" : undefined}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-stone-500">{t("metrics.roiHint")}</p>
    </Card>
  );
}

export async function RoiTable({ rows, exportHref }: { rows: RoiRow[]; exportHref: string }) {
  const { t, format, yuan, roi } = await formats();
  return (
    <Card title={t("byTargetTitle")} lead={t("byTargetLead")} id="roi-by-target">
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{t("byTargetEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-stone-500">
              <tr>
                {[t("cost.scope"), t("cost.target"), t("metrics.reach"), t("metrics.orders"), t("metrics.revenue"), t("metrics.cost"), t("metrics.roi")].map((h) => (
                  <th key={h} className="py-2 pr-4 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {rows.map((r) => (
                <tr key={`${r.scope}:${r.targetId ?? r.name}`}>
                  <td className="py-2 pr-4">{t(`scopes.${r.scope}`)}</td>
                  <td className="py-2 pr-4">{r.scope === "workspace" ? "—" : (r.name ?? "—")}</td>
                  <td className="py-2 pr-4">{r.hasRevenue ? format.number(r.reach) : "—"}</td>
                  <td className="py-2 pr-4">{r.hasRevenue ? format.number(r.orders) : "—"}</td>
                  <td className="py-2 pr-4">{r.hasRevenue ? yuan(r.netRevenueCents) : t("noRevenue")}</td>
                  <td className="py-2 pr-4">{yuan(r.costCents)}</td>
                  <td className="py-2 pr-4 font-medium">{roi(r.roi)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3">
        <ExportLink href={exportHref} label={t("exportCsv")} />
      </div>
    </Card>
  );
}

export async function CostsTable({ rows, workspaceId, canEdit, exportHref }: { rows: CostRow[]; workspaceId: string; canEdit: boolean; exportHref: string }) {
  const { t, yuan } = await formats();
  const total = rows.reduce((n, c) => n + c.amountCents, 0);
  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{t("costsEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-stone-500">
              <tr>
                {[t("cost.incurredOn"), t("cost.scope"), t("cost.target"), t("cost.kind"), t("cost.amountYuan"), t("cost.note")].map((h) => (
                  <th key={h} className="py-2 pr-4 font-medium">
                    {h}
                  </th>
                ))}
                {canEdit ? <th className="py-2 font-medium" /> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((c) => (
                <tr key={c.id} className="align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{c.incurredOn}</td>
                  <td className="py-2 pr-4">{t(`scopes.${c.scope}`)}</td>
                  <td className="py-2 pr-4">{c.scope === "workspace" ? "—" : (c.targetName ?? "—")}</td>
                  <td className="py-2 pr-4">
                    {t(`kinds.${c.kind}`)}
                    {c.kind === "staff" && c.staffHours && c.hourlyRateCents !== null ? <span className="block text-xs text-stone-500">{`${c.staffHours} h × ${yuan(c.hourlyRateCents)}`}</span> : null}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{yuan(c.amountCents)}</td>
                  <td className="py-2 pr-4 text-stone-600">{c.note}</td>
                  {canEdit ? (
                    <td className="py-2">
                      <div className="flex items-center gap-1">
                        <Link href={`/w/${workspaceId}/dashboards/roi/costs/${c.id}`} className="px-2 text-emerald-700 underline">
                          {t("edit")}
                        </Link>
                        <ActionButton action={deleteCostAction.bind(null, workspaceId)} fields={{ costId: c.id }} label={t("deleteCost")} confirm={t("deleteConfirm")} />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">{t("costsTotal", { amount: formatYuan(total) })}</p>
        <ExportLink href={exportHref} label={t("exportCsv")} />
      </div>
    </div>
  );
}

type Pilot = Awaited<ReturnType<typeof pilotComparison>>;

export async function PilotResult({ data, exportHref }: { data: Pilot; exportHref: string }) {
  const { t, format, pct, yuan, roi } = await formats();
  const sides = [
    { key: "pilot", label: t("pilot.pilot"), s: data.pilot },
    { key: "rest", label: t("pilot.rest"), s: data.rest },
  ];
  const per1000 = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 100);
  const rateChart = [
    { measure: t("metrics.clickRate"), pilot: (data.pilot.clickRate ?? 0) * 100, rest: (data.rest.clickRate ?? 0) * 100 },
    { measure: t("metrics.payRate"), pilot: (data.pilot.payRate ?? 0) * 100, rest: (data.rest.payRate ?? 0) * 100 },
  ];
  const revenueChart = [{ measure: t("pilot.chartRevenue"), pilot: per1000(data.pilot.revenuePerReachCents), rest: per1000(data.rest.revenuePerReachCents) }];
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("pilot.tableLabel")}</caption>
          <thead className="text-xs text-stone-500">
            <tr>
              {[t("pilot.side"), t("metrics.reach"), t("metrics.uniqueClicks"), t("metrics.clickRate"), t("metrics.orders"), t("metrics.payRate"), t("metrics.revenue"), t("metrics.revenuePerReach"), t("metrics.cost"), t("metrics.roi")].map((h) => (
                <th key={h} className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 tabular-nums">
            {sides.map(({ key, label, s }) => (
              <tr key={key}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {label}
                </th>
                <td className="py-2 pr-4">{format.number(s.reach)}</td>
                <td className="py-2 pr-4">{format.number(s.uniqueClicks)}</td>
                <td className="py-2 pr-4">{pct(s.clickRate)}</td>
                <td className="py-2 pr-4">{format.number(s.orders)}</td>
                <td className="py-2 pr-4">{pct(s.payRate)}</td>
                <td className="py-2 pr-4">{yuan(s.netRevenueCents)}</td>
                <td className="py-2 pr-4">{s.revenuePerReachCents === null ? "—" : `¥${(s.revenuePerReachCents / 100).toFixed(2)}`}</td>
                <td className="py-2 pr-4">{yuan(s.costCents)}</td>
                <td className="py-2 pr-4 font-medium">{roi(s.roi)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-stone-500">{t("pilot.unsplit", { amount: formatYuan(data.unsplitCostCents) })}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <CompareChart data={rateChart} label={t("pilot.chartRates")} pilotLabel={t("pilot.pilot")} restLabel={t("pilot.rest")} />
        <CompareChart data={revenueChart} label={t("pilot.chartRevenue")} pilotLabel={t("pilot.pilot")} restLabel={t("pilot.rest")} />
      </div>
      <ExportLink href={exportHref} label={t("exportCsv")} />
    </div>
  );
}
