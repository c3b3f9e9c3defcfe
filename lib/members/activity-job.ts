import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { DEFAULT_ACTIVITY_RULE } from "./activity";

/**
 * Recompute every member's activity score from the events table with the workspace's rule (or
 * the default one), the same arithmetic as decayedScore, and record today's value for the trend.
 * One set-based statement per step, whatever the number of members.
 */
export async function recomputeActivity(db: DbOrTx, opts: { now?: Date; workspaceId?: string } = {}) {
  const now = opts.now ?? new Date();
  const at = now.toISOString(); // the driver binds strings, not Date objects, in raw SQL
  const defaults = JSON.stringify(DEFAULT_ACTIVITY_RULE.points);
  const onlyWorkspace = opts.workspaceId ? sql`and w.id = ${opts.workspaceId}` : sql``;
  return db.transaction(async (tx) => {
    const updated = await tx.execute(sql`
      with rules as (
        select w.id as workspace_id, w.time_zone,
               coalesce(r.points, ${defaults}::jsonb) as points,
               coalesce(r.half_life_days, ${DEFAULT_ACTIVITY_RULE.halfLifeDays}) as half_life
        from workspaces w left join activity_rules r on r.workspace_id = w.id
        where true ${onlyWorkspace}
      ), scores as (
        select m.workspace_id, m.id as member_id,
               coalesce(sum(coalesce((r.points ->> e.kind::text)::float8, 0)
                 * power(0.5, extract(epoch from (${at}::timestamptz - e.occurred_at)) / 86400.0 / r.half_life)), 0) as score,
               max(e.occurred_at) as last_at
        from members m
        join rules r on r.workspace_id = m.workspace_id
        left join events e on e.workspace_id = m.workspace_id and e.member_id = m.id
             and e.kind in ('message', 'click', 'order', 'join') and e.occurred_at <= ${at}::timestamptz
        where m.merged_into_id is null
        group by m.workspace_id, m.id
      )
      update members m set activity_score = s.score, last_active_at = s.last_at
      from scores s where m.workspace_id = s.workspace_id and m.id = s.member_id`);
    await tx.execute(sql`
      insert into member_score_history (workspace_id, member_id, day, score)
      select m.workspace_id, m.id, (${at}::timestamptz at time zone w.time_zone)::date, m.activity_score
      from members m join workspaces w on w.id = m.workspace_id
      where m.merged_into_id is null ${opts.workspaceId ? sql`and w.id = ${opts.workspaceId}` : sql``}
      on conflict (workspace_id, member_id, day) do update set score = excluded.score`);
    return { members: updated.count ?? 0 };
  });
}
