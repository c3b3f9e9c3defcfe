import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { postHistory, posts, type PostStatus } from "@/db/schema";
import { newId } from "@/lib/ids";

/**
 * A post's life: draft → scheduled → due → sent | failed | cancelled. Operators may also pull a
 * due or failed post back to scheduled (new time) and mark a post sent by hand (also early).
 */
export const POST_TRANSITIONS: Record<PostStatus, readonly PostStatus[]> = {
  draft: ["scheduled", "cancelled"],
  scheduled: ["draft", "due", "sent", "cancelled"],
  due: ["sent", "failed", "scheduled", "cancelled"],
  failed: ["scheduled", "sent", "cancelled"],
  sent: [],
  cancelled: ["scheduled"],
};

export function canTransition(from: PostStatus, to: PostStatus): boolean {
  return POST_TRANSITIONS[from].includes(to);
}

/** Statuses from which `to` can be reached. */
export function sourcesOf(to: PostStatus): PostStatus[] {
  return (Object.keys(POST_TRANSITIONS) as PostStatus[]).filter((from) => canTransition(from, to));
}

type Transition = {
  workspaceId: string;
  postIds: string[];
  to: PostStatus;
  /** null = the worker */
  actorUserId: string | null;
  note?: string;
  /** Extra columns to set with the status (sentAt, dueAt, failedReason, late, …). */
  set?: Partial<typeof posts.$inferInsert>;
};

/**
 * Moves posts to `to` when their current status allows it, in one statement, and writes one
 * history row per post that moved. Posts in another status are left alone (a concurrent
 * change won): the returned ids are those that actually moved.
 */
export async function transitionPosts(db: DbOrTx, t: Transition): Promise<{ id: string; from: PostStatus }[]> {
  if (!t.postIds.length) return [];
  const moved = await db.execute<{ id: string; from_status: PostStatus }>(sql`
    with target as (
      select id, status from ${posts}
      where workspace_id = ${t.workspaceId} and id in ${t.postIds} and status in ${sourcesOf(t.to)}
      for update
    ), updated as (
      update ${posts} p set status = ${t.to}, version = p.version + 1, updated_at = now()
      from target where p.workspace_id = ${t.workspaceId} and p.id = target.id
      returning p.id, target.status as from_status
    )
    select id, from_status from updated`);
  const rows = moved.map((r) => ({ id: r.id, from: r.from_status }));
  if (!rows.length) return [];
  if (t.set && Object.keys(t.set).length) {
    await db
      .update(posts)
      .set(t.set)
      .where(and(eq(posts.workspaceId, t.workspaceId), inArray(posts.id, rows.map((r) => r.id))));
  }
  await db.insert(postHistory).values(
    rows.map((r) => ({ workspaceId: t.workspaceId, postId: r.id, id: newId(), fromStatus: r.from, toStatus: t.to, actorUserId: t.actorUserId, note: t.note ?? "" })),
  );
  return rows;
}
