import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { isUuid } from "@/lib/ids";

/**
 * What a webhook receiver may answer to report how many people a post reached:
 * `{"reach": <non-negative integer>}` in the 2xx response body (anything else is ignored and the
 * group's member count is used).
 */
export function reachFromResponse(body: string | null | undefined): number | null {
  if (!body) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    const reach = (parsed as { reach?: unknown } | null)?.reach;
    return typeof reach === "number" && Number.isSafeInteger(reach) && reach >= 0 ? reach : null;
  } catch {
    return null;
  }
}

/**
 * Records the reach of posts that were just sent, in the caller's transaction: the channel's own
 * count when it reported one, else the group's active members at this moment (memberships not
 * left). Recorded once, at send time, never recomputed: `posts.reach_count` and one reach event
 * per post × group (key `reach:<postId>:<groupId>`, occurred_at = sent_at; for kind reach
 * `amount_cents` holds the number of people, not money). The variant is the one sent (the post's
 * own, else its item's first), as on its tracked link. Posts not in status sent are skipped.
 */
export async function recordReach(db: DbOrTx, workspaceId: string, postIds: string[], reachByPost?: Map<string, number>): Promise<number> {
  const ids = postIds.filter(isUuid);
  if (!ids.length) return 0;
  const reported = [...(reachByPost ?? new Map<string, number>()).entries()].filter(([id, n]) => ids.includes(id) && Number.isSafeInteger(n) && n >= 0);
  const values = reported.length ? sql.join(reported.map(([id, n]) => sql`(${id}::uuid, ${n}::int)`), sql`, `) : sql`(null::uuid, null::int)`;
  const rows = await db.execute<{ id: string }>(sql`
    with reported (post_id, reach) as (values ${values}),
    sent as (
      select p.workspace_id, p.id, p.group_id, p.sent_at,
             coalesce(p.variant_id, (select cv.id from content_variants cv
                                     where cv.workspace_id = p.workspace_id and cv.item_id = p.content_item_id
                                     order by cv.position, cv.label limit 1)) as variant_id,
             coalesce((select r.reach from reported r where r.post_id = p.id),
                      (select count(*)::int from group_memberships gm
                       where gm.workspace_id = p.workspace_id and gm.group_id = p.group_id and gm.left_at is null)) as reach
      from posts p
      where p.workspace_id = ${workspaceId} and p.id in ${ids} and p.status = 'sent' and p.reach_count is null
      for update of p
    ),
    marked as (
      update posts p set reach_count = s.reach from sent s where p.workspace_id = s.workspace_id and p.id = s.id
    )
    insert into events (workspace_id, id, kind, occurred_at, group_id, post_id, variant_id, amount_cents, idempotency_key)
    select s.workspace_id, gen_random_uuid(), 'reach', coalesce(s.sent_at, now()), s.group_id, s.id, s.variant_id, s.reach,
           'reach:' || s.id || ':' || s.group_id
    from sent s
    on conflict do nothing
    returning post_id as id`);
  return rows.length;
}
