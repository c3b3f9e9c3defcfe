import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { NIL_UUID_SQL } from "@/db/schema";

/** The rollup_state row of the daily rollups. */
export const ROLLUP_NAME = "daily_rollups";

/** The kinds that feed the funnel; joins, leaves and messages are not rolled up. */
const FUNNEL_KINDS = sql.raw(`('reach', 'click', 'order', 'refund')`);

/**
 * The sums of one day × post × group × variant, from raw events. For kind "reach" the
 * `amount_cents` column holds a count of people reached, not money.
 */
const FIGURES = sql`
  coalesce(sum(e.amount_cents) filter (where e.kind = 'reach'), 0)::bigint as reach,
  (count(*) filter (where e.kind = 'click'))::bigint as clicks,
  (count(*) filter (where e.kind = 'click' and e.unique_click))::bigint as unique_clicks,
  (count(*) filter (where e.kind = 'order'))::bigint as orders,
  coalesce(sum(e.amount_cents) filter (where e.kind = 'order'), 0)::bigint as revenue_cents,
  coalesce(sum(e.amount_cents) filter (where e.kind = 'refund'), 0)::bigint as refund_cents`;

/** The rollup key of an event: its local day in the workspace's zone, and NIL for what it lacks. */
const KEY = sql`(e.occurred_at at time zone w.time_zone)::date as day,
  coalesce(e.post_id, ${NIL_UUID_SQL}) as post_id, coalesce(e.group_id, ${NIL_UUID_SQL}) as group_id, coalesce(e.variant_id, ${NIL_UUID_SQL}) as variant_id`;

export type RollupResult = { from: number; to: number; rows: number };

/**
 * One step of the rollup worker, in one transaction: lock the horizon row (so several workers
 * take turns), read the events whose transactions are all finished (tx_id below the oldest
 * still running), add them to daily_rollups, move the horizon. A transaction that commits late
 * has a tx_id below the new upper bound only once it has finished, so it is never skipped; an
 * event is counted exactly once because the window [horizon, upper) never overlaps the next.
 */
export async function applyRollups(db: DbOrTx): Promise<RollupResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into rollup_state (name, tx_horizon) values (${ROLLUP_NAME}, 0) on conflict (name) do nothing`);
    const [state] = await tx.execute<{ tx_horizon: string }>(sql`select tx_horizon::text from rollup_state where name = ${ROLLUP_NAME} for update`);
    // A fresh statement after the lock: its snapshot sees everything the previous worker committed.
    const [snap] = await tx.execute<{ upper: string }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as upper`);
    const from = Number(state!.tx_horizon);
    const to = Number(snap!.upper);
    if (to <= from) return { from, to: from, rows: 0 };
    const result = await tx.execute(sql`
      insert into daily_rollups (workspace_id, day, post_id, group_id, variant_id, reach, clicks, unique_clicks, orders, revenue_cents, refund_cents)
      select e.workspace_id, ${KEY}, ${FIGURES}
      from events e join workspaces w on w.id = e.workspace_id
      where e.tx_id >= ${from} and e.tx_id < ${to} and e.kind in ${FUNNEL_KINDS}
      group by 1, 2, 3, 4, 5
      on conflict (workspace_id, day, post_id, group_id, variant_id) do update set
        reach = daily_rollups.reach + excluded.reach,
        clicks = daily_rollups.clicks + excluded.clicks,
        unique_clicks = daily_rollups.unique_clicks + excluded.unique_clicks,
        orders = daily_rollups.orders + excluded.orders,
        revenue_cents = daily_rollups.revenue_cents + excluded.revenue_cents,
        refund_cents = daily_rollups.refund_cents + excluded.refund_cents`);
    await tx.execute(sql`update rollup_state set tx_horizon = ${to}, updated_at = now() where name = ${ROLLUP_NAME}`);
    return { from, to, rows: result.count ?? 0 };
  });
}

/** Run the worker's step until nothing older than the running transactions is left (seed, bench). */
export async function catchUpRollups(db: DbOrTx, maxSteps = 10): Promise<RollupResult[]> {
  const steps: RollupResult[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const step = await applyRollups(db);
    steps.push(step);
    if (step.rows === 0) break;
  }
  return steps;
}

/** Make the monthly event partitions for this month and the next two (the daily partition job). */
export async function ensureEventPartitions(db: DbOrTx, months = 3): Promise<number> {
  const [row] = await db.execute<{ made: number }>(sql`select qunyun_ensure_event_partitions(date_trunc('month', now())::date, ${months}::int) as made`);
  return Number(row?.made ?? 0);
}

export type RollupFigures = { reach: number; clicks: number; uniqueClicks: number; orders: number; revenueCents: number; refundCents: number };
export type RollupKey = { day: string; postId: string; groupId: string; variantId: string };
export type RecountDifference = RollupKey & { rollup: RollupFigures; recount: RollupFigures };

const FIGURE_KEYS = ["reach", "clicks", "uniqueClicks", "orders", "revenueCents", "refundCents"] as const;

type Row = { day: string; post_id: string; group_id: string; variant_id: string; reach: string; clicks: string; unique_clicks: string; orders: string; revenue_cents: string; refund_cents: string };

function toFigures(r: Row | undefined): RollupFigures {
  return {
    reach: Number(r?.reach ?? 0),
    clicks: Number(r?.clicks ?? 0),
    uniqueClicks: Number(r?.unique_clicks ?? 0),
    orders: Number(r?.orders ?? 0),
    revenueCents: Number(r?.revenue_cents ?? 0),
    refundCents: Number(r?.refund_cents ?? 0),
  };
}

/** Events of the workspace whose local day is in [from, to], counted so far (below the horizon). */
function rawSelect(workspaceId: string, range: { from: string; to: string }, horizon: number) {
  return sql`
    select ${KEY}, ${FIGURES}
    from events e join workspaces w on w.id = e.workspace_id
    where e.workspace_id = ${workspaceId} and e.kind in ${FUNNEL_KINDS} and e.tx_id < ${horizon}
      -- a local day lies within a day of the same UTC date; the exact test is on the local day
      and e.occurred_at >= (${range.from}::date - 1)::timestamp at time zone 'UTC'
      and e.occurred_at < (${range.to}::date + 2)::timestamp at time zone 'UTC'
      and (e.occurred_at at time zone w.time_zone)::date between ${range.from}::date and ${range.to}::date
    group by 1, 2, 3, 4`;
}

/**
 * The check that rollups equal a recount from raw events, for local days [from, to]: the same
 * figures computed from events, compared row by row with daily_rollups. Holds the horizon row
 * (FOR SHARE) so the worker cannot move it between the two reads; events the worker has not
 * reached yet are left out of both sides.
 */
export async function recountRollups(db: DbOrTx, workspaceId: string, range: { from: string; to: string }): Promise<{ differences: RecountDifference[]; rowsChecked: number }> {
  return db.transaction(async (tx) => {
    const horizon = await lockHorizon(tx, "share");
    const raw = await tx.execute<Row>(rawSelect(workspaceId, range, horizon));
    const rolled = await tx.execute<Row>(sql`
      select day::text as day, post_id, group_id, variant_id, reach, clicks, unique_clicks, orders, revenue_cents, refund_cents
      from daily_rollups where workspace_id = ${workspaceId} and day between ${range.from}::date and ${range.to}::date`);
    const key = (r: Row) => `${String(r.day).slice(0, 10)}|${r.post_id}|${r.group_id}|${r.variant_id}`;
    const rawByKey = new Map(raw.map((r) => [key(r), r]));
    const rolledByKey = new Map(rolled.map((r) => [key(r), r]));
    const differences: RecountDifference[] = [];
    for (const k of new Set([...rawByKey.keys(), ...rolledByKey.keys()])) {
      const recount = toFigures(rawByKey.get(k));
      const rollup = toFigures(rolledByKey.get(k));
      if (FIGURE_KEYS.some((f) => recount[f] !== rollup[f])) {
        const [day, postId, groupId, variantId] = k.split("|") as [string, string, string, string];
        differences.push({ day, postId, groupId, variantId, rollup, recount });
      }
    }
    differences.sort((a, b) => a.day.localeCompare(b.day) || a.groupId.localeCompare(b.groupId) || a.postId.localeCompare(b.postId));
    return { differences, rowsChecked: new Set([...rawByKey.keys(), ...rolledByKey.keys()]).size };
  });
}

/**
 * Rebuild the workspace's rollups for local days [from, to] from raw events. Holds the horizon
 * row FOR UPDATE (the worker waits) and recomputes from the events below the horizon, so the
 * worker's later windows add only what was not counted here.
 */
export async function rebuildRollups(db: DbOrTx, workspaceId: string, range: { from: string; to: string }): Promise<{ rows: number }> {
  return db.transaction(async (tx) => {
    const horizon = await lockHorizon(tx, "update");
    await tx.execute(sql`delete from daily_rollups where workspace_id = ${workspaceId} and day between ${range.from}::date and ${range.to}::date`);
    const result = await tx.execute(sql`
      insert into daily_rollups (workspace_id, day, post_id, group_id, variant_id, reach, clicks, unique_clicks, orders, revenue_cents, refund_cents)
      select ${workspaceId}::uuid, r.* from (${rawSelect(workspaceId, range, horizon)}) r`);
    return { rows: result.count ?? 0 };
  });
}

async function lockHorizon(tx: DbOrTx, mode: "share" | "update"): Promise<number> {
  await tx.execute(sql`insert into rollup_state (name, tx_horizon) values (${ROLLUP_NAME}, 0) on conflict (name) do nothing`);
  const [state] = await tx.execute<{ tx_horizon: string }>(
    sql`select tx_horizon::text from rollup_state where name = ${ROLLUP_NAME} ${mode === "share" ? sql`for share` : sql`for update`}`,
  );
  return Number(state!.tx_horizon);
}
