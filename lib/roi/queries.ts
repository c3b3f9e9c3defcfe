import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, costs, groups, NIL_UUID, positionings, posts } from "@/db/schema";
import type { COST_SCOPES } from "./schema";
import { funnelRates, roiOf, type Funnel } from "./math";
import { figuresOf, ROLLUP_SUMS, type SumRow } from "@/lib/dashboards/queries";

type Range = { workspaceId: string; from: string; to: string };

const num = (v: unknown) => Number(v ?? 0);
/** The rollups' sums as the ROI pages use them (rates run on unique clicks). */
function funnelOf(row: SumRow | undefined): Funnel {
  const { reach, uniqueClicks, orders, revenueCents, refundCents } = figuresOf(row);
  return { reach, uniqueClicks, orders, revenueCents, refundCents };
}

/** Costs incurred in the range, newest first, with what each is for. */
export async function listCosts(db: DbOrTx, q: Range) {
  return db
    .select({
      id: costs.id,
      scope: costs.scope,
      targetId: costs.targetId,
      campaign: costs.campaign,
      kind: costs.kind,
      amountCents: costs.amountCents,
      staffHours: costs.staffHours,
      hourlyRateCents: costs.hourlyRateCents,
      incurredOn: costs.incurredOn,
      note: costs.note,
      // Written qualified: drizzle renders a single-table select's columns unqualified.
      targetName: sql<string | null>`case costs.scope
        when 'plan' then (select p.name from positionings p where p.workspace_id = costs.workspace_id and p.id = costs.target_id)
        when 'group' then (select g.name from groups g where g.workspace_id = costs.workspace_id and g.id = costs.target_id)
        when 'post' then (select coalesce(nullif(p.title, ''), ci.title, left(p.body, 30)) || ' · ' || g.name from posts p join groups g on g.workspace_id = p.workspace_id and g.id = p.group_id left join content_items ci on ci.workspace_id = p.workspace_id and ci.id = p.content_item_id where p.workspace_id = costs.workspace_id and p.id = costs.target_id)
        when 'campaign' then costs.campaign end`,
    })
    .from(costs)
    .where(and(eq(costs.workspaceId, q.workspaceId), sql`${costs.incurredOn} between ${q.from} and ${q.to}`))
    .orderBy(desc(costs.incurredOn), desc(costs.createdAt));
}

export type CostRow = Awaited<ReturnType<typeof listCosts>>[number];

export async function getCost(db: DbOrTx, q: { workspaceId: string; costId: string }) {
  const [row] = await db.select().from(costs).where(and(eq(costs.workspaceId, q.workspaceId), eq(costs.id, q.costId)));
  return row ?? null;
}

/** The funnel over the whole workspace for the range (every rollup row, attributed or not). */
export async function workspaceFunnel(db: DbOrTx, q: Range): Promise<Funnel> {
  const rows = await db.execute(sql`select ${ROLLUP_SUMS} from daily_rollups r where r.workspace_id = ${q.workspaceId} and r.day between ${q.from} and ${q.to}`);
  return funnelOf(rows[0] as SumRow);
}

/**
 * ROI per cost target in the range: each target's own costs against the revenue attributed to
 * it (a plan → the rollups of its groups; a group; a post; the workspace → everything). A
 * campaign is a named bucket of costs without attributed revenue of its own: its row shows the
 * cost, and it counts in the workspace's total ROI.
 */
export async function roiByTarget(db: DbOrTx, q: Range) {
  const rows = await db.execute(sql`
    with c as (
      select scope, target_id, campaign, sum(amount_cents)::float8 as cost_cents
      from costs where workspace_id = ${q.workspaceId} and incurred_on between ${q.from} and ${q.to}
      group by scope, target_id, campaign
    )
    select c.scope, c.target_id, c.campaign, c.cost_cents,
      case c.scope
        when 'plan' then (select p.name from positionings p where p.workspace_id = ${q.workspaceId} and p.id = c.target_id)
        when 'group' then (select g.name from groups g where g.workspace_id = ${q.workspaceId} and g.id = c.target_id)
        when 'post' then (select coalesce(nullif(p.title, ''), ci.title, left(p.body, 30)) || ' · ' || g.name from posts p join groups g on g.workspace_id = p.workspace_id and g.id = p.group_id left join content_items ci on ci.workspace_id = p.workspace_id and ci.id = p.content_item_id where p.workspace_id = ${q.workspaceId} and p.id = c.target_id)
        when 'campaign' then c.campaign
      end as name,
      f.*
    from c
    left join lateral (
      select ${ROLLUP_SUMS} from daily_rollups r
      where r.workspace_id = ${q.workspaceId} and r.day between ${q.from} and ${q.to} and c.scope <> 'campaign' and (
        c.scope = 'workspace'
        or (c.scope = 'group' and r.group_id = c.target_id)
        or (c.scope = 'post' and r.post_id = c.target_id)
        or (c.scope = 'plan' and r.group_id in (select g.id from groups g where g.workspace_id = ${q.workspaceId} and g.positioning_id = c.target_id))
      )
    ) f on true
    order by c.cost_cents desc`);
  return rows.map((r) => {
    const row = r as Record<string, unknown>;
    const scope = row.scope as (typeof COST_SCOPES)[number];
    const f = funnelOf(row as SumRow);
    const costCents = num(row.cost_cents);
    const rates = funnelRates(f);
    return { scope, targetId: (row.target_id as string | null) ?? null, name: (row.name as string | null) ?? null, costCents, ...f, ...rates, hasRevenue: scope !== "campaign", roi: scope === "campaign" ? null : roiOf(rates.netRevenueCents, costCents) };
  });
}

export type RoiRow = Awaited<ReturnType<typeof roiByTarget>>[number];

export async function totalCostCents(db: DbOrTx, q: Range): Promise<number> {
  const rows = await db.execute(sql`select coalesce(sum(amount_cents), 0)::float8 as total from costs where workspace_id = ${q.workspaceId} and incurred_on between ${q.from} and ${q.to}`);
  return num((rows[0] as Record<string, unknown>).total);
}

/**
 * Pilot view: the chosen groups against every other group. Revenue not attributed to any group
 * is in neither side. Costs follow the groups: group costs and the costs of posts in those groups;
 * workspace, plan and campaign costs are not split between the two and are shown apart.
 */
export async function pilotComparison(db: DbOrTx, q: Range & { pilotGroupIds: string[] }) {
  const pilot = q.pilotGroupIds.length ? sql`array[${sql.join(q.pilotGroupIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]` : sql`array[]::uuid[]`;
  const funnels = await db.execute(sql`
    select (r.group_id = any(${pilot})) as pilot, ${ROLLUP_SUMS}
    from daily_rollups r
    where r.workspace_id = ${q.workspaceId} and r.day between ${q.from} and ${q.to} and r.group_id <> ${NIL_UUID}::uuid
    group by 1`);
  const costRows = await db.execute(sql`
    select case when k.group_id is null then 'unsplit' when k.group_id = any(${pilot}) then 'pilot' else 'rest' end as side, coalesce(sum(k.amount_cents), 0)::float8 as cost_cents
    from (
      select c.amount_cents, case c.scope when 'group' then c.target_id when 'post' then (select p.group_id from posts p where p.workspace_id = c.workspace_id and p.id = c.target_id) end as group_id
      from costs c where c.workspace_id = ${q.workspaceId} and c.incurred_on between ${q.from} and ${q.to}
    ) k group by 1`);
  const costOf = (side: string) => num((costRows.find((r) => (r as Record<string, unknown>).side === side) as Record<string, unknown> | undefined)?.cost_cents);
  const side = (isPilot: boolean) => {
    const row = funnels.find((r) => (r as Record<string, unknown>).pilot === isPilot) as Record<string, unknown> | undefined;
    const f = funnelOf(row as SumRow | undefined);
    const rates = funnelRates(f);
    const costCents = costOf(isPilot ? "pilot" : "rest");
    return { ...f, ...rates, costCents, roi: roiOf(rates.netRevenueCents, costCents) };
  };
  return { pilot: side(true), rest: side(false), unsplitCostCents: costOf("unsplit") };
}

/** Pickers for the cost form and the pilot view. */
export async function costTargetOptions(db: DbOrTx, workspaceId: string) {
  const [plans, groupRows, postRows] = await Promise.all([
    db.select({ id: positionings.id, name: positionings.name }).from(positionings).where(and(eq(positionings.workspaceId, workspaceId), isNull(positionings.archivedAt))).orderBy(asc(positionings.name)),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.workspaceId, workspaceId)).orderBy(asc(groups.name)),
    db
      .select({ id: posts.id, title: sql<string>`coalesce(nullif(${posts.title}, ''), ${contentItems.title}, left(${posts.body}, 30))`, groupName: groups.name, scheduledAt: posts.scheduledAt })
      .from(posts)
      .innerJoin(groups, and(eq(groups.workspaceId, posts.workspaceId), eq(groups.id, posts.groupId)))
      .leftJoin(contentItems, and(eq(contentItems.workspaceId, posts.workspaceId), eq(contentItems.id, posts.contentItemId)))
      .where(and(eq(posts.workspaceId, workspaceId), sql`${posts.scheduledAt} > now() - interval '120 days'`))
      .orderBy(desc(posts.scheduledAt))
      .limit(300),
  ]);
  return { plans, groups: groupRows, posts: postRows };
}
