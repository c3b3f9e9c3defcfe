import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { GroupBarChart } from "@/components/charts/group-bar-chart";
import { Card, PageHeader } from "@/components/ui/card";
import type { Translate } from "@/lib/dashboards/tables";
import { groupsView, viewQuery, type ViewParams } from "@/lib/dashboards/views";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ChartWithTable } from "../_components/data-table";
import { RangeForm } from "../_components/range-form";

export const metadata: Metadata = { title: "社群对比 Groups" };

/** Groups compared on revenue per person reached (chart + table), and the dead groups. */
export default async function GroupsComparisonPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<ViewParams> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const workspaceId = ctx.workspace.id;
  const t = (await getTranslations("dashboards")) as unknown as Translate;
  const view = await groupsView(getDb(), { workspaceId, timeZone: ctx.workspace.timeZone }, await searchParams, t);
  const base = `/w/${workspaceId}/dashboards`;
  const chart = [...view.groups]
    .sort((a, b) => (b.revenuePerReachCents ?? -1) - (a.revenuePerReachCents ?? -1))
    .map((g) => ({ name: g.name, value: Number(((g.revenuePerReachCents ?? 0) / 100).toFixed(2)) }));
  return (
    <div>
      <PageHeader title={t("groups.title")} lead={t("groups.lead")} />
      <RangeForm action={`${base}/groups`} range={view.range} today={view.today} />
      <div className="grid gap-6">
        <Card title={t("groups.chartTitle", { from: view.range.from, to: view.range.to })} id="groups-compare">
          {view.groups.length === 0 ? (
            <p className="text-sm text-stone-600">{t("groups.empty")}</p>
          ) : (
            <ChartWithTable
              chart={<GroupBarChart data={chart} label={t("groups.chartLabel")} seriesLabel={t("col.revenuePerReach")} unit="¥" />}
              table={view.table}
              caption={t("groups.title")}
              tableLabel={t("showTable")}
              exportHref={`${base}/export/groups?${viewQuery({ range: view.range })}`}
              exportLabel={t("exportCsv")}
            />
          )}
        </Card>
        <Card title={t("groups.deadTitle")} lead={t("groups.deadLead")} id="dead-groups">
          {view.dead.length === 0 ? (
            <p className="text-sm text-stone-600">{t("groups.noDead")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {view.dead.map((d) => (
                <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/w/${workspaceId}/groups/${d.id}`} className="text-emerald-700 underline">
                    {d.name}
                  </Link>
                  <span className="text-xs text-stone-600">
                    {t("groups.deadFacts", { active: Math.round(d.activeRatio * 100), members: d.counts.membersNow, days: d.daysSinceActivity ?? "—" })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <Link href={`/w/${workspaceId}/groups`} className="text-emerald-700 underline">
              {t("groups.allGroups")}
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
