import type { Metadata } from "next";
import { asc, eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { instantDay } from "@/lib/calendar/time";
import { costTargetOptions, listCosts, pilotComparison, roiByTarget, totalCostCents, workspaceFunnel } from "@/lib/roi/queries";
import { pilotFrom, rangeFrom } from "@/lib/roi/range";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { CostForm } from "./_components/cost-form";
import { CostsTable, FunnelSummary, PilotResult, RoiTable } from "./_components/sections";

export const metadata: Metadata = { title: "投产比 ROI" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function RoiPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Search> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const sp = await searchParams;
  const workspaceId = ctx.workspace.id;
  const timeZone = ctx.workspace.timeZone;
  const range = rangeFrom({ from: one(sp.from), to: one(sp.to) }, new Date(), timeZone);
  const pilot = pilotFrom(list(sp.pilot));
  const q = { workspaceId, ...range };
  const db = getDb();
  const canEdit = hasRole(ctx.role, "operator");
  const [t, funnel, cost, roiRows, costs, groupRows, options, pilotData] = await Promise.all([
    getTranslations("roi"),
    workspaceFunnel(db, q),
    totalCostCents(db, q),
    roiByTarget(db, q),
    listCosts(db, q),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.workspaceId, workspaceId)).orderBy(asc(groups.name)),
    canEdit ? costTargetOptions(db, workspaceId) : null,
    pilot.length ? pilotComparison(db, { ...q, pilotGroupIds: pilot }) : null,
  ]);
  const base = `/w/${workspaceId}/dashboards/roi`;
  const rangeQs = `from=${range.from}&to=${range.to}`;
  const pilotQs = pilot.map((id) => `&pilot=${id}`).join("");

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <form action={base} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4" aria-label={t("range")}>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("from")}</span>
          <input type="date" name="from" defaultValue={range.from} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("to")}</span>
          <input type="date" name="to" defaultValue={range.to} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        {pilot.map((id) => (
          <input key={id} type="hidden" name="pilot" value={id} />
        ))}
        <button type="submit" className="min-h-9 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm">
          {t("apply")}
        </button>
      </form>

      <FunnelSummary funnel={funnel} costCents={cost} from={range.from} to={range.to} />
      <RoiTable rows={roiRows} exportHref={`${base}/export?table=roi&${rangeQs}`} />

      <Card title={t("costsTitle")} id="costs">
        <div className="space-y-6">
          {options ? (
            <div className="rounded-md border border-stone-200 p-4">
              <h3 className="mb-3 text-sm font-semibold">{t("addCost")}</h3>
              <CostForm
                workspaceId={workspaceId}
                options={{ plans: options.plans, groups: options.groups, posts: options.posts.map((p) => ({ id: p.id, label: `${instantDay(p.scheduledAt, timeZone)} ${p.title} · ${p.groupName}` })) }}
                values={{ scope: "workspace", planId: "", groupId: "", postId: "", campaign: "", kind: "coupon", amount: "", staffHours: "", hourlyRate: "", incurredOn: instantDay(new Date(), timeZone), note: "" }}
              />
            </div>
          ) : null}
          <CostsTable rows={costs} workspaceId={workspaceId} canEdit={canEdit} exportHref={`${base}/export?table=costs&${rangeQs}`} />
        </div>
      </Card>

      <Card title={t("pilot.title")} lead={t("pilot.lead")} id="pilot">
        <form action={base} className="space-y-3">
          <input type="hidden" name="from" value={range.from} />
          <input type="hidden" name="to" value={range.to} />
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">{t("pilot.pick")}</legend>
            <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 p-2 sm:grid-cols-2 lg:grid-cols-4">
              {groupRows.map((g) => (
                <label key={g.id} className="flex min-h-9 items-center gap-2 rounded px-2 text-sm hover:bg-stone-50">
                  <input type="checkbox" name="pilot" value={g.id} defaultChecked={pilot.includes(g.id)} className="size-4" />
                  {g.name}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="min-h-9 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm">
            {t("pilot.compare")}
          </button>
        </form>
        <div className="mt-4">{pilotData ? <PilotResult data={pilotData} exportHref={`${base}/export?table=pilot&${rangeQs}${pilotQs}`} /> : <p className="text-sm text-stone-600">{t("pilot.none")}</p>}</div>
      </Card>
    </div>
  );
}
