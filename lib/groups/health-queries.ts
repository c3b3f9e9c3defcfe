import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { activityRules } from "@/db/schema";
import { DEFAULT_ACTIVITY_RULE, type ActivityRuleValues } from "@/lib/members/activity";
import { groupHealth, type GroupCounts } from "./health";

export async function getActivityRule(db: DbOrTx, workspaceId: string): Promise<ActivityRuleValues> {
  const [row] = await db.select().from(activityRules).where(eq(activityRules.workspaceId, workspaceId)).limit(1);
  if (!row) return DEFAULT_ACTIVITY_RULE;
  return {
    points: { ...DEFAULT_ACTIVITY_RULE.points, ...row.points },
    halfLifeDays: row.halfLifeDays,
    recallBelow: row.recallBelow,
    silentDays: row.silentDays,
    deadActiveRatio: row.deadActiveRatio,
    deadSilentDays: row.deadSilentDays,
  };
}

/** Health of one group or of every live group: counts from the roster, judged by the workspace's rule. */
export async function listGroupHealth(db: DbOrTx, q: { workspaceId: string; groupId?: string; now?: Date }) {
  const now = q.now ?? new Date();
  const at = now.toISOString(); // the driver binds strings, not Date objects, in raw SQL
  const rows = await db.execute<{
    id: string;
    name: string;
    stage: string;
    planned_end: string | null;
    members_now: number;
    joined7: number;
    left7: number;
    joined30: number;
    left30: number;
    active7: number;
    last_activity: string | null;
  }>(sql`
    select g.id, g.name, g.stage, g.planned_end::text as planned_end,
      count(gm.id) filter (where gm.left_at is null)::int as members_now,
      count(gm.id) filter (where gm.joined_at > ${at}::timestamptz - interval '7 days')::int as joined7,
      count(gm.id) filter (where gm.left_at > ${at}::timestamptz - interval '7 days')::int as left7,
      count(gm.id) filter (where gm.joined_at > ${at}::timestamptz - interval '30 days')::int as joined30,
      count(gm.id) filter (where gm.left_at > ${at}::timestamptz - interval '30 days')::int as left30,
      count(gm.id) filter (where gm.left_at is null and m.last_active_at > ${at}::timestamptz - interval '7 days')::int as active7,
      greatest(max(m.last_active_at) filter (where gm.left_at is null), max(gm.joined_at))::text as last_activity
    from groups g
    left join group_memberships gm on gm.workspace_id = g.workspace_id and gm.group_id = g.id
    left join members m on m.workspace_id = gm.workspace_id and m.id = gm.member_id
    where g.workspace_id = ${q.workspaceId} ${q.groupId ? sql`and g.id = ${q.groupId}` : sql`and g.stage not in ('ended', 'archived')`}
    group by g.id, g.name, g.stage, g.planned_end
    order by g.name`);
  const rule = await getActivityRule(db, q.workspaceId);
  return rows.map((r) => {
    const counts: GroupCounts = {
      membersNow: r.members_now,
      joined7: r.joined7,
      left7: r.left7,
      joined30: r.joined30,
      left30: r.left30,
      activeMembers7: r.active7,
      lastActivityAt: r.last_activity ? new Date(r.last_activity) : null,
      stage: r.stage,
      plannedEnd: r.planned_end,
    };
    return { id: r.id, name: r.name, counts, ...groupHealth(counts, rule, now) };
  });
}
