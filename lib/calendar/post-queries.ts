import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, contentVariants, groups, notifications, postDeliveries, postHistory, posts, uploads, users } from "@/db/schema";
import { addLocalDays, instantDay, localToInstant } from "./time";

/** One post with what its page shows: group, content, status history and delivery state. */
export async function getPostDetail(db: DbOrTx, q: { workspaceId: string; postId: string }) {
  const [post] = await db
    .select({
      post: posts,
      groupName: groups.name,
      itemTitle: contentItems.title,
      variantLabel: contentVariants.label,
      ownerName: users.name,
    })
    .from(posts)
    .innerJoin(groups, and(eq(groups.workspaceId, posts.workspaceId), eq(groups.id, posts.groupId)))
    .leftJoin(contentItems, and(eq(contentItems.workspaceId, posts.workspaceId), eq(contentItems.id, posts.contentItemId)))
    .leftJoin(contentVariants, and(eq(contentVariants.workspaceId, posts.workspaceId), eq(contentVariants.id, posts.variantId)))
    .leftJoin(users, eq(users.id, posts.ownerUserId))
    .where(and(eq(posts.workspaceId, q.workspaceId), eq(posts.id, q.postId)));
  if (!post) return null;
  const [history, deliveries] = await Promise.all([
    db
      .select({ id: postHistory.id, at: postHistory.at, fromStatus: postHistory.fromStatus, toStatus: postHistory.toStatus, note: postHistory.note, actorName: users.name })
      .from(postHistory)
      .leftJoin(users, eq(users.id, postHistory.actorUserId))
      .where(and(eq(postHistory.workspaceId, q.workspaceId), eq(postHistory.postId, q.postId)))
      .orderBy(desc(postHistory.at), desc(postHistory.id)),
    db
      .select({
        channel: postDeliveries.channel,
        status: postDeliveries.status,
        attempts: postDeliveries.attempts,
        lastError: postDeliveries.lastError,
        responseStatus: postDeliveries.responseStatus,
        nextAttemptAt: postDeliveries.nextAttemptAt,
        deliveredAt: postDeliveries.deliveredAt,
      })
      .from(postDeliveries)
      .where(and(eq(postDeliveries.workspaceId, q.workspaceId), eq(postDeliveries.postId, q.postId))),
  ]);
  return { ...post, history, deliveries };
}

export type TodayPost = Awaited<ReturnType<typeof listTodayPosts>>[number];

/**
 * The operator's to-do: posts of today still waiting, and anything due or failed from before,
 * that they own or that nobody owns. Text and images come from the post or its library variant
 * (the chosen one, else the item's first).
 */
export async function listTodayPosts(db: DbOrTx, q: { workspaceId: string; userId: string; timeZone: string; now?: Date }) {
  const today = instantDay(q.now ?? new Date(), q.timeZone);
  const tomorrow = localToInstant(addLocalDays(today, 1), "00:00", q.timeZone);
  const todayStart = localToInstant(today, "00:00", q.timeZone);
  const rows = await db
    .select({
      id: posts.id,
      groupId: posts.groupId,
      groupName: groups.name,
      scheduledAt: posts.scheduledAt,
      status: posts.status,
      late: posts.late,
      category: posts.category,
      channel: posts.channel,
      ownerUserId: posts.ownerUserId,
      failedReason: posts.failedReason,
      notes: posts.notes,
      title: sql<string>`coalesce(nullif(${posts.title}, ''), ${contentItems.title}, '')`,
      text: sql<string>`case when ${posts.contentItemId} is null then ${posts.body} else coalesce(
        (select v.body from content_variants v where v.workspace_id = ${posts.workspaceId} and v.id = ${posts.variantId}),
        (select v.body from content_variants v where v.workspace_id = ${posts.workspaceId} and v.item_id = ${posts.contentItemId} order by v.position limit 1), '') end`,
      imageIds: sql<string[]>`case when ${posts.contentItemId} is null then '{}'::uuid[] else coalesce(
        (select v.image_upload_ids from content_variants v where v.workspace_id = ${posts.workspaceId} and v.id = ${posts.variantId}),
        (select v.image_upload_ids from content_variants v where v.workspace_id = ${posts.workspaceId} and v.item_id = ${posts.contentItemId} order by v.position limit 1), '{}'::uuid[]) end`,
    })
    .from(posts)
    .innerJoin(groups, and(eq(groups.workspaceId, posts.workspaceId), eq(groups.id, posts.groupId)))
    .leftJoin(contentItems, and(eq(contentItems.workspaceId, posts.workspaceId), eq(contentItems.id, posts.contentItemId)))
    .where(
      and(
        eq(posts.workspaceId, q.workspaceId),
        lt(posts.scheduledAt, tomorrow),
        or(eq(posts.ownerUserId, q.userId), isNull(posts.ownerUserId)),
        or(inArray(posts.status, ["due", "failed"]), and(eq(posts.status, "scheduled"), sql`${posts.scheduledAt} >= ${todayStart.toISOString()}`)),
      ),
    )
    .orderBy(asc(posts.scheduledAt), asc(groups.name));
  const imageIds = [...new Set(rows.flatMap((r) => r.imageIds ?? []))];
  const files = imageIds.length
    ? await db
        .select({ id: uploads.id, filename: uploads.filename })
        .from(uploads)
        .where(and(eq(uploads.workspaceId, q.workspaceId), inArray(uploads.id, imageIds)))
    : [];
  const fileOf = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({
    ...r,
    overdue: r.scheduledAt < todayStart,
    images: (r.imageIds ?? []).flatMap((id) => (fileOf.has(id) ? [{ id, filename: fileOf.get(id)!.filename || `${id}.png` }] : [])),
  }));
}

export async function listNotifications(db: DbOrTx, q: { workspaceId: string; userId: string; limit?: number }) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      postId: notifications.postId,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      postTitle: sql<string | null>`coalesce(nullif(${posts.title}, ''), (select ci.title from content_items ci where ci.workspace_id = ${posts.workspaceId} and ci.id = ${posts.contentItemId}))`,
      groupName: groups.name,
    })
    .from(notifications)
    .leftJoin(posts, and(eq(posts.workspaceId, notifications.workspaceId), eq(posts.id, notifications.postId)))
    .leftJoin(groups, and(eq(groups.workspaceId, posts.workspaceId), eq(groups.id, posts.groupId)))
    .where(and(eq(notifications.workspaceId, q.workspaceId), eq(notifications.userId, q.userId)))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt))
    .limit(q.limit ?? 20);
}

export async function countUnreadNotifications(db: DbOrTx, q: { workspaceId: string; userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, q.workspaceId), eq(notifications.userId, q.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
