import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { communityTypeLabel, type Translate } from "@/lib/positioning/format";
import { listCommunityTypes, listPlans } from "@/lib/positioning/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { CommunityTypes } from "./_components/community-types";
import { CreatePlanForm } from "./_components/create-plan-form";
import { PlanRowActions } from "./_components/plan-row-actions";

export const metadata: Metadata = { title: "定位 Positioning" };

export default async function PositioningPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ archived?: string }>;
}) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const includeArchived = (await searchParams).archived === "1";
  const db = getDb();
  const [plans, types, t, format] = await Promise.all([
    listPlans(db, { workspaceId: ctx.workspace.id, includeArchived }),
    listCommunityTypes(db, ctx.workspace.id),
    getTranslations(),
    getFormatter(),
  ]);
  const tr = t as unknown as Translate;
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}/positioning`;

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t("positioning.title")} lead={t("positioning.lead")} />
      {canEdit ? (
        <Card title={t("positioning.newPlan")} id="new-plan">
          <CreatePlanForm workspaceId={ctx.workspace.id} />
        </Card>
      ) : null}
      <Card title={t("positioning.plans")} id="plans">
        <div className="mb-3 text-right text-sm">
          <Link href={includeArchived ? base : `${base}?archived=1`} className="text-emerald-700 underline">
            {includeArchived ? t("positioning.hideArchived") : t("positioning.showArchived")}
          </Link>
        </div>
        {plans.length === 0 ? (
          <p className="text-sm text-stone-600">{t("positioning.noPlans")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("positioning.colName")}</th>
                  <th className="py-2 pr-3 font-medium">{t("positioning.colType")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("positioning.colStage")}</th>
                  <th className="py-2 pr-3 font-medium">{t("positioning.colCompleteness")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("positioning.colGroups")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("positioning.colUpdated")}</th>
                  {canEdit ? <th className="py-2 font-medium">{t("positioning.colActions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => (
                  <tr key={p.id} className="border-t border-stone-100 align-top">
                    <td className="py-2 pr-3">
                      <Link href={`${base}/${p.id}`} className="font-medium text-emerald-800 underline-offset-2 hover:underline">
                        {p.name}
                      </Link>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {p.starter && p.version === 1 ? <Badge tone="amber">{t("positioning.example")}</Badge> : null}
                        {p.archivedAt ? <Badge>{t("positioning.archived")}</Badge> : null}
                      </div>
                    </td>
                    <td className="py-2 pr-3">{communityTypeLabel(p.communityType, tr, types) || "—"}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">{p.businessStep ? t(`positioning.options.businessSteps.${p.businessStep}`) : "—"}</td>
                    <td className="py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <div className="h-2 w-16 rounded bg-stone-200" aria-hidden>
                          <div className="h-2 rounded bg-emerald-600" style={{ width: `${p.completeness}%` }} />
                        </div>
                        <span>{p.completeness}%</span>
                      </div>
                      {p.contradictions > 0 ? (
                        <span className="text-xs text-amber-700">{t("positioning.contradictionCount", { count: p.contradictions })}</span>
                      ) : null}
                    </td>
                    <td className="hidden py-2 pr-3 md:table-cell">
                      {p.linkedGroups > 0 ? (
                        <Link href={`/w/${ctx.workspace.id}/groups?plan=${p.id}`} className="text-emerald-700 underline">
                          {t("positioning.groupCount", { count: p.linkedGroups })}
                        </Link>
                      ) : (
                        <Link href={`/w/${ctx.workspace.id}/groups/new?plan=${p.id}`} className="text-stone-500 underline">
                          {t("positioning.buildGroup")}
                        </Link>
                      )}
                    </td>
                    <td className="hidden py-2 pr-3 text-stone-600 md:table-cell">
                      {format.dateTime(p.updatedAt, { dateStyle: "medium", timeZone: ctx.workspace.timeZone })}
                    </td>
                    {canEdit ? (
                      <td className="py-2">
                        <PlanRowActions workspaceId={ctx.workspace.id} planId={p.id} name={p.name} archived={!!p.archivedAt} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("positioning.typesTitle")} lead={t("positioning.typesLead")} id="types">
        <CommunityTypes workspaceId={ctx.workspace.id} types={types} canEdit={canEdit} />
      </Card>
    </div>
  );
}
