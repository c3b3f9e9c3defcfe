import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import { newId } from "@/lib/ids";

export type NotificationKind = "post_due" | "post_failed";

/**
 * One notification per post and person: the post's owner when they are still a member, else
 * every operator and owner of the workspace. The unique key (workspace, user, post, kind) keeps a
 * second run from doubling it; a repeated failure brings the old notice back as unread.
 */
export async function notifyAboutPosts(
  db: DbOrTx,
  workspaceId: string,
  postIds: string[],
  kind: NotificationKind,
  data: (postId: string) => Record<string, unknown> = () => ({}),
): Promise<number> {
  if (!postIds.length) return 0;
  const recipients = await db.execute<{ post_id: string; user_id: string }>(sql`
    select p.id as post_id, m.user_id
    from posts p
    join memberships m on m.workspace_id = p.workspace_id
    where p.workspace_id = ${workspaceId} and p.id in ${postIds}
      and (m.user_id = p.owner_user_id
           or (m.role in ('owner', 'operator')
               and not exists (select 1 from memberships o where o.workspace_id = p.workspace_id and o.user_id = p.owner_user_id)))`);
  if (!recipients.length) return 0;
  const rows = recipients.map((r) => ({ workspaceId, id: newId(), userId: r.user_id, kind, postId: r.post_id, data: data(r.post_id) }));
  let written = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insert(notifications)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [notifications.workspaceId, notifications.userId, notifications.postId, notifications.kind],
        set: { readAt: null, createdAt: sql`now()`, data: sql`excluded.data` },
        setWhere: sql`${notifications.kind} = 'post_failed'`,
      })
      .returning({ id: notifications.id });
    written += inserted.length;
  }
  return written;
}
