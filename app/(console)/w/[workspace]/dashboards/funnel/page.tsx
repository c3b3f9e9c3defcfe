import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { TrendChart } from "@/components/charts/trend-chart";
import { Card, PageHeader } from "@/components/ui/card";
import { BREAKDOWN_LIMIT, BREAKDOWNS, hasAnyFigures } from "@/lib/dashboards/queries";
import type { Translate } from "@/lib/dashboards/tables";
import { funnelView, metricValue, TREND_METRICS, viewQuery, type ViewParams } from "@/lib/dashboards/views";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ChartWithTable, DataTable, ExportLink } from "../_components/data-table";
import { FunnelSteps } from "../_components/funnel-steps";
import { NoData } from "../_components/no-data";
import { RangeForm } from "../_components/range-form";

export const metadata: Metadata = { title: "漏斗 Funnel" };

/** Reach → click → pay over a date range: totals, trend by day or week, and a breakdown. */
export default async function FunnelPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<ViewParams> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const workspaceId = ctx.workspace.id;
  const db = getDb();
  const t = (await getTranslations("dashboards")) as unknown as Translate;
  const [view, has] = await Promise.all([funnelView(db, { workspaceId, timeZone: ctx.workspace.timeZone }, await searchParams, t), hasAnyFigures(db, workspaceId)]);
  const base = `/w/${workspaceId}/dashboards`;
  const state = { range: view.range, by: view.by, bucket: view.bucket, metric: view.metric };
  const link = (patch: Partial<typeof state>) => `${base}/funnel?${viewQuery({ ...state, ...patch })}`;
  const metricLabel = t(`metric.${view.metric}`);
  return (
    <div>
      <PageHeader title={t("funnel.title")} lead={t("funnel.lead")} />
      <RangeForm action={`${base}/funnel`} range={view.range} today={view.today} hidden={{ by: view.by, bucket: view.bucket, metric: view.metric }} />
      <NoData workspaceId={workspaceId} any={has.any} orders={has.orders} />
      <div className="grid gap-6">
        <Card title={t("funnel.totals", { from: view.range.from, to: view.range.to })} id="funnel-totals">
          <FunnelSteps funnel={view.totals} />
          <details className="mt-3 rounded-md border border-stone-200 px-3 py-2">
            <summary className="cursor-pointer text-sm text-emerald-800">{t("showTable")}</summary>
            <div className="mt-2">
              <DataTable table={view.steps} caption={t("funnel.title")} captionHidden />
            </div>
          </details>
          <ExportLink href={`${base}/export/funnel?${viewQuery(state)}`} label={t("exportCsv")} />
        </Card>
        <Card title={t("funnel.trend")} id="funnel-trend">
          <div className="mb-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <nav aria-label={t("funnel.bucket")} className="flex gap-3">
              {(["day", "week"] as const).map((b) => (
                <Link key={b} href={link({ bucket: b })} aria-current={b === view.bucket ? "page" : undefined} className={b === view.bucket ? "font-medium" : "text-emerald-700 underline"}>
                  {t(`bucket.${b}`)}
                </Link>
              ))}
            </nav>
            <nav aria-label={t("funnel.metric")} className="flex flex-wrap gap-3">
              {TREND_METRICS.map((m) => (
                <Link key={m} href={link({ metric: m })} aria-current={m === view.metric ? "page" : undefined} className={m === view.metric ? "font-medium" : "text-emerald-700 underline"}>
                  {t(`metric.${m}`)}
                </Link>
              ))}
            </nav>
          </div>
          <ChartWithTable
            chart={<TrendChart data={view.trend.points.map((p) => ({ bucket: p.bucket, value: metricValue(p.funnel, view.metric) }))} label={t("funnel.trendLabel", { metric: metricLabel })} seriesLabel={metricLabel} kind={view.bucket === "day" ? "line" : "bar"} />}
            table={view.trend.table}
            caption={t("funnel.trend")}
            tableLabel={t("showTable")}
            exportHref={`${base}/export/trend?${viewQuery(state)}`}
            exportLabel={t("exportCsv")}
          />
        </Card>
        <Card title={t("funnel.breakdown")} id="funnel-breakdown">
          <nav aria-label={t("funnel.breakdownBy")} className="mb-3 flex flex-wrap gap-3 text-sm">
            {BREAKDOWNS.map((b) => (
              <Link key={b} href={link({ by: b })} aria-current={b === view.by ? "page" : undefined} className={b === view.by ? "font-medium" : "text-emerald-700 underline"}>
                {t(`by.${b}`)}
              </Link>
            ))}
          </nav>
          <DataTable table={view.breakdown.table} caption={t("funnel.breakdownCaption", { by: t(`by.${view.by}`) })} empty={t("noRows")} />
          {view.breakdown.truncated ? <p className="mt-2 text-xs text-stone-600">{t("funnel.truncated", { rows: BREAKDOWN_LIMIT })}</p> : null}
          <ExportLink href={`${base}/export/breakdown?${viewQuery(state)}`} label={t("exportCsv")} />
        </Card>
      </div>
    </div>
  );
}
