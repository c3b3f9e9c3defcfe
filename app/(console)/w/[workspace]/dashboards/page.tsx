import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { addLocalDays } from "@/lib/calendar/time";
import { change, formatCount, formatPercent, formatYuan } from "@/lib/dashboards/math";
import { hasAnyFigures } from "@/lib/dashboards/queries";
import type { Translate } from "@/lib/dashboards/tables";
import { overviewView } from "@/lib/dashboards/views";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { DataTable, ExportLink } from "./_components/data-table";
import { FunnelSteps } from "./_components/funnel-steps";
import { NoData } from "./_components/no-data";
import { recountRollupsAction } from "./_components/recount-actions";
import { RecountPanel } from "./_components/recount-panel";

export const metadata: Metadata = { title: "数据概览 Overview" };

/** The owner overview: the last 7 days against the 7 before, the funnel, the best and worst groups. */
export default async function OverviewPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const workspaceId = ctx.workspace.id;
  const db = getDb();
  const t = (await getTranslations("dashboards")) as unknown as Translate;
  const [view, has] = await Promise.all([overviewView(db, { workspaceId, timeZone: ctx.workspace.timeZone }, t), hasAnyFigures(db, workspaceId)]);
  const base = `/w/${workspaceId}/dashboards`;
  const big = [
    { key: "reach", label: t("col.reach"), now: view.now.reach, before: view.before.reach, text: formatCount(view.now.reach) },
    { key: "clicks", label: t("col.uniqueClicks"), now: view.now.uniqueClicks, before: view.before.uniqueClicks, text: formatCount(view.now.uniqueClicks) },
    { key: "revenue", label: t("col.netRevenue"), now: view.now.netRevenueCents, before: view.before.netRevenueCents, text: formatYuan(view.now.netRevenueCents) },
  ];
  return (
    <div>
      <PageHeader title={t("overview.title")} lead={t("overview.lead", { from: view.current.from, to: view.current.to })} />
      <NoData workspaceId={workspaceId} any={has.any} orders={has.orders} />
      <section aria-label={t("overview.bigNumbers")} className="mb-6 grid gap-4 sm:grid-cols-3">
        {big.map((b) => {
          const c = change(b.now, b.before);
          const tone = c === null || c === 0 ? "text-stone-600" : c > 0 ? "text-emerald-700" : "text-red-700";
          return (
            <div key={b.key} data-big={b.key} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <p className="text-sm text-stone-600">{b.label}</p>
              <p className="mt-1 text-3xl font-semibold tabular-nums text-stone-900">{b.text}</p>
              <p className={`mt-1 text-sm ${tone}`}>
                {c === null ? t("overview.new") : formatPercent(c, { signed: true })} <span className="text-stone-500">{t("overview.vsPrevious")}</span>
              </p>
            </div>
          );
        })}
      </section>
      <details className="mb-6 rounded-md border border-stone-200 bg-white px-3 py-2">
        <summary className="cursor-pointer text-sm text-emerald-800">{t("showTable")}</summary>
        <div className="mt-2">
          <DataTable table={view.comparison} caption={t("overview.bigNumbers")} captionHidden />
        </div>
      </details>
      <ExportLink href={`${base}/export/overview`} label={t("exportCsv")} />
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <Card title={t("overview.funnel")} lead={t("overview.funnelLead")}>
          <FunnelSteps funnel={view.now} />
          <details className="mt-3 rounded-md border border-stone-200 px-3 py-2">
            <summary className="cursor-pointer text-sm text-emerald-800">{t("showTable")}</summary>
            <div className="mt-2">
              <DataTable table={view.steps} caption={t("overview.funnel")} captionHidden />
            </div>
          </details>
          <ExportLink href={`${base}/export/funnel?from=${view.current.from}&to=${view.current.to}`} label={t("exportCsv")} />
          <p className="text-sm">
            <Link href={`${base}/funnel`} className="text-emerald-700 underline">
              {t("overview.moreFunnel")}
            </Link>
          </p>
        </Card>
        <Card title={t("overview.groups")} lead={t("overview.groupsLead")}>
          <DataTable table={view.topTable} caption={t("overview.topGroups")} empty={t("overview.noGroups")} />
          <ExportLink href={`${base}/export/overview-top`} label={t("exportCsv")} />
          <DataTable table={view.bottomTable} caption={t("overview.bottomGroups")} empty={view.top.length > 0 ? t("overview.noBottom") : t("overview.noGroups")} />
          <ExportLink href={`${base}/export/overview-bottom`} label={t("exportCsv")} />
          <p className="text-sm">
            <Link href={`${base}/groups`} className="text-emerald-700 underline">
              {t("overview.moreGroups")}
            </Link>
          </p>
        </Card>
      </div>
      {hasRole(ctx.role, "owner") ? (
        <div className="mt-6">
          <Card title={t("recount.title")} lead={t("recount.lead")} id="recount">
            <RecountPanel action={recountRollupsAction.bind(null, workspaceId)} from={addLocalDays(view.today, -89)} to={view.today} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
