import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { NIL_UUID_SQL } from "@/db/schema";
import { addLocalDays } from "@/lib/calendar/time";
import { funnel, previousRange, ZERO, type Figures, type Funnel } from "./math";

/**
 * The dashboards' reads. Every figure comes from daily_rollups (kept by the rollup worker),
 * never from raw events, so a range of months reads a few thousand rows at most. Dimension
 * tables (posts, groups, columns, plans, variants) are joined after the rollups are summed.
 */

export type Range = { from: string; to: string };

/** The rollup columns summed, for any query over daily_rollups (read back with `figuresOf`). */
export const ROLLUP_SUMS = sql`
  coalesce(sum(reach), 0)::text as reach, coalesce(sum(clicks), 0)::text as clicks, coalesce(sum(unique_clicks), 0)::text as unique_clicks,
  coalesce(sum(orders), 0)::text as orders, coalesce(sum(revenue_cents), 0)::text as revenue_cents, coalesce(sum(refund_cents), 0)::text as refund_cents`;

export type SumRow = { reach: string; clicks: string; unique_clicks: string; orders: string; revenue_cents: string; refund_cents: string };

export function figuresOf(r: SumRow | undefined): Figures {
  if (!r) return { ...ZERO };
  return {
    reach: Number(r.reach),
    clicks: Number(r.clicks),
    uniqueClicks: Number(r.unique_clicks),
    orders: Number(r.orders),
    revenueCents: Number(r.revenue_cents),
    refundCents: Number(r.refund_cents),
  };
}

function inRange(workspaceId: string, range: Range): SQL {
  return sql`workspace_id = ${workspaceId} and day between ${range.from}::date and ${range.to}::date`;
}

/** The funnel's totals over a range: reach → unique clicks → orders → net revenue. */
export async function funnelTotals(db: DbOrTx, workspaceId: string, range: Range): Promise<Funnel> {
  const [row] = await db.execute<SumRow>(sql`select ${ROLLUP_SUMS} from daily_rollups where ${inRange(workspaceId, range)}`);
  return funnel(figuresOf(row));
}

/** Figures per local day (days without any row are absent; bucketize fills them). */
export async function dailyFigures(db: DbOrTx, workspaceId: string, range: Range): Promise<(Figures & { day: string })[]> {
  const rows = await db.execute<SumRow & { day: string }>(sql`
    select day::text as day, ${ROLLUP_SUMS} from daily_rollups where ${inRange(workspaceId, range)} group by day order by day`);
  return rows.map((r) => ({ day: r.day, ...figuresOf(r) }));
}

export const BREAKDOWNS = ["post", "group", "column", "category", "plan", "groupType", "variant"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * What a row of a breakdown is keyed and labelled by, and the rollup column it is summed by
 * first (so a breakdown by group hashes a few hundred rows, not every post). `key` null means
 * "none": rollups without a post (orders attributed to no post), posts without a column, groups
 * without a plan…
 */
type Grain = "post_id" | "group_id" | "variant_id";
const DIMENSIONS: Record<Breakdown, { grain: Grain; key: SQL; label: SQL; extra?: SQL }> = {
  post: { grain: "post_id", key: sql`nullif(a.post_id, ${NIL_UUID_SQL})`, label: sql`coalesce(nullif(p.title, ''), left(p.body, 40))`, extra: sql`max(p.sent_at)::text` },
  group: { grain: "group_id", key: sql`nullif(a.group_id, ${NIL_UUID_SQL})`, label: sql`g.name` },
  column: { grain: "post_id", key: sql`cc.id`, label: sql`cc.name` },
  category: { grain: "post_id", key: sql`p.category::text`, label: sql`p.category::text` },
  plan: { grain: "group_id", key: sql`pl.id`, label: sql`pl.name` },
  groupType: { grain: "group_id", key: sql`g.community_type`, label: sql`g.community_type` },
  variant: { grain: "variant_id", key: sql`nullif(a.variant_id, ${NIL_UUID_SQL})`, label: sql`concat_ws(' · ', ci.title, cv.label)` },
};

function dimensionJoins(workspaceId: string, grain: Grain): SQL {
  if (grain === "post_id") {
    return sql`left join posts p on p.workspace_id = ${workspaceId} and p.id = a.post_id
      left join content_columns cc on cc.workspace_id = ${workspaceId} and cc.id = p.column_id`;
  }
  if (grain === "group_id") {
    return sql`left join groups g on g.workspace_id = ${workspaceId} and g.id = a.group_id
      left join positionings pl on pl.workspace_id = ${workspaceId} and pl.id = g.positioning_id`;
  }
  return sql`left join content_variants cv on cv.workspace_id = ${workspaceId} and cv.id = a.variant_id
    left join content_items ci on ci.workspace_id = ${workspaceId} and ci.id = cv.item_id`;
}

/** Rows a breakdown shows on the page (the CSV export has them all). */
export const BREAKDOWN_LIMIT = 100;

export type BreakdownRow = Funnel & { key: string | null; label: string | null; extra: string | null };

/** The funnel split by one dimension, biggest net revenue first (then reach). */
export async function funnelBreakdown(db: DbOrTx, workspaceId: string, range: Range, by: Breakdown, opts: { limit?: number } = {}): Promise<BreakdownRow[]> {
  const dim = DIMENSIONS[by];
  const grain = sql.raw(dim.grain);
  const rows = await db.execute<SumRow & { key: string | null; label: string | null; extra: string | null }>(sql`
    with a as (
      select ${grain}, sum(reach) as reach, sum(clicks) as clicks, sum(unique_clicks) as unique_clicks,
        sum(orders) as orders, sum(revenue_cents) as revenue_cents, sum(refund_cents) as refund_cents
      from daily_rollups where ${inRange(workspaceId, range)}
      group by ${grain}
    )
    select ${dim.key} as key, max(${dim.label}) as label, ${dim.extra ?? sql`null::text`} as extra,
      sum(a.reach)::text as reach, sum(a.clicks)::text as clicks, sum(a.unique_clicks)::text as unique_clicks,
      sum(a.orders)::text as orders, sum(a.revenue_cents)::text as revenue_cents, sum(a.refund_cents)::text as refund_cents
    from a
    ${dimensionJoins(workspaceId, dim.grain)}
    group by 1
    order by sum(a.revenue_cents) - sum(a.refund_cents) desc, sum(a.reach) desc, 2 nulls last
    ${opts.limit ? sql`limit ${opts.limit}` : sql``}`);
  return rows.map((r) => ({ key: r.key, label: r.label, extra: r.extra, ...funnel(figuresOf(r)) }));
}

export type RankedPost = Funnel & { postId: string; title: string; groupId: string; groupName: string; sentAt: string | null; category: string; variantLabel: string | null };

/**
 * Posts ranked by net revenue per person reached (posts reaching nobody last), a page at a time.
 */
export async function postRanking(db: DbOrTx, workspaceId: string, range: Range, page: { limit: number; offset: number }): Promise<{ rows: RankedPost[]; total: number }> {
  const rows = await db.execute<SumRow & { post_id: string; title: string; group_id: string; group_name: string; sent_at: string | null; category: string; variant_label: string | null; total: string }>(sql`
    with a as (
      select post_id, ${ROLLUP_SUMS}, (coalesce(sum(revenue_cents), 0) - coalesce(sum(refund_cents), 0))::numeric / nullif(sum(reach), 0) as rpr
      from daily_rollups where ${inRange(workspaceId, range)} and post_id <> ${NIL_UUID_SQL}
      group by post_id
    )
    select a.*, coalesce(nullif(p.title, ''), left(p.body, 40), '') as title, p.group_id, g.name as group_name, p.sent_at::text as sent_at,
      p.category::text as category, concat_ws(' · ', ci.title, cv.label) as variant_label, count(*) over ()::text as total
    from a
    join posts p on p.workspace_id = ${workspaceId} and p.id = a.post_id
    join groups g on g.workspace_id = ${workspaceId} and g.id = p.group_id
    left join content_variants cv on cv.workspace_id = ${workspaceId} and cv.id = p.variant_id
    left join content_items ci on ci.workspace_id = ${workspaceId} and ci.id = cv.item_id
    order by a.rpr desc nulls last, a.revenue_cents::bigint desc, p.sent_at desc nulls last, p.id
    limit ${page.limit} offset ${page.offset}`);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      postId: r.post_id,
      title: r.title,
      groupId: r.group_id,
      groupName: r.group_name,
      sentAt: r.sent_at,
      category: r.category,
      variantLabel: r.variant_label || null,
      ...funnel(figuresOf(r)),
    })),
  };
}

export type GroupFigures = Funnel & { groupId: string; name: string; stage: string; communityType: string | null; planName: string | null };

/** Every live group (and any group with figures in the range), with its funnel. */
export async function groupComparison(db: DbOrTx, workspaceId: string, range: Range): Promise<GroupFigures[]> {
  const rows = await db.execute<SumRow & { group_id: string; name: string; stage: string; community_type: string | null; plan_name: string | null }>(sql`
    with a as (
      select group_id, ${ROLLUP_SUMS} from daily_rollups where ${inRange(workspaceId, range)} group by group_id
    )
    select g.id as group_id, g.name, g.stage::text as stage, g.community_type, pl.name as plan_name,
      coalesce(a.reach, '0') as reach, coalesce(a.clicks, '0') as clicks, coalesce(a.unique_clicks, '0') as unique_clicks,
      coalesce(a.orders, '0') as orders, coalesce(a.revenue_cents, '0') as revenue_cents, coalesce(a.refund_cents, '0') as refund_cents
    from groups g
    left join a on a.group_id = g.id
    left join positionings pl on pl.workspace_id = g.workspace_id and pl.id = g.positioning_id
    where g.workspace_id = ${workspaceId} and (a.group_id is not null or g.stage in ('active', 'declining'))
    order by a.revenue_cents::bigint - a.refund_cents::bigint desc nulls last, g.name`);
  return rows.map((r) => ({ groupId: r.group_id, name: r.name, stage: r.stage, communityType: r.community_type, planName: r.plan_name, ...funnel(figuresOf(r)) }));
}

export type Overview = {
  current: Range;
  previous: Range;
  now: Funnel;
  before: Funnel;
  top: GroupFigures[];
  bottom: GroupFigures[];
};

/**
 * The owner overview: the last 7 days (today included) against the 7 before, and the groups with
 * the best and worst revenue per person reached over the last 7 days (groups that reached nobody
 * are left out: there is nothing to compare).
 */
export async function overview(db: DbOrTx, workspaceId: string, today: string, days = 7): Promise<Overview> {
  const current = { from: addLocalDays(today, 1 - days), to: today };
  const previous = previousRange(current);
  const [row] = await db.execute<Record<string, string>>(sql`
    select
      ${sumsWhere(sql`day >= ${current.from}::date`, "c")},
      ${sumsWhere(sql`day < ${current.from}::date`, "p")}
    from daily_rollups where ${inRange(workspaceId, { from: previous.from, to: current.to })}`);
  const pick = (prefix: string): SumRow => ({
    reach: row?.[`${prefix}_reach`] ?? "0",
    clicks: row?.[`${prefix}_clicks`] ?? "0",
    unique_clicks: row?.[`${prefix}_unique_clicks`] ?? "0",
    orders: row?.[`${prefix}_orders`] ?? "0",
    revenue_cents: row?.[`${prefix}_revenue_cents`] ?? "0",
    refund_cents: row?.[`${prefix}_refund_cents`] ?? "0",
  });
  const ranked = (await groupComparison(db, workspaceId, current))
    .filter((g) => g.reach > 0)
    .sort((a, b) => (b.revenuePerReachCents ?? 0) - (a.revenuePerReachCents ?? 0) || b.netRevenueCents - a.netRevenueCents || a.name.localeCompare(b.name));
  const top = ranked.slice(0, 3);
  const bottom = ranked.slice(Math.max(top.length, ranked.length - 3)).reverse();
  return { current, previous, now: funnel(figuresOf(pick("c"))), before: funnel(figuresOf(pick("p"))), top, bottom };
}

function sumsWhere(cond: SQL, prefix: string): SQL {
  const cols = ["reach", "clicks", "unique_clicks", "orders", "revenue_cents", "refund_cents"];
  return sql.join(
    cols.map((c) => sql`coalesce(sum(${sql.raw(c)}) filter (where ${cond}), 0)::text as ${sql.raw(`${prefix}_${c}`)}`),
    sql`, `,
  );
}

/** Whether the workspace has any rollup at all (the dashboards' empty state). */
export async function hasAnyFigures(db: DbOrTx, workspaceId: string): Promise<{ any: boolean; orders: boolean }> {
  const [row] = await db.execute<{ any: boolean; orders: boolean }>(sql`
    select exists (select 1 from daily_rollups where workspace_id = ${workspaceId}) as any,
      exists (select 1 from daily_rollups where workspace_id = ${workspaceId} and orders > 0) as orders`);
  return { any: !!row?.any, orders: !!row?.orders };
}
