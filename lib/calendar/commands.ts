import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, contentVariants, groups, memberships, notifications, posts, type PostStatus } from "@/db/schema";
import { AppError, ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { recordReach } from "@/lib/links/reach";
import type { CheckWarning, ProposedPost } from "./check-types";
import { checkProposedPosts } from "./checks";
import { createPosts } from "./posts";
import type { PostFields } from "./schema";
import { transitionPosts } from "./status";
import { instantDay, instantTime, LocalTimeError, localToInstant } from "./time";
import { workspaceTimeZone } from "@/lib/workspaces/queries";

/** Sent and cancelled posts are history: they are not moved or edited. */
const LOCKED: PostStatus[] = ["sent", "cancelled"];
/** A post moved to a time already past this long ago is refused (it would fall due at once, late). */
const PAST_GRACE_MS = 60_000;

/** A local day + time in the workspace's zone; a time DST skips is refused, never shifted. */
export function resolveLocalTime(day: string, time: string, timeZone: string): Date {
  try {
    return localToInstant(day, time, timeZone);
  } catch (error) {
    if (error instanceof LocalTimeError) throw new RuleError(error.reason === "nonexistent" ? "validation.calendarTimeSkipped" : "validation.date", error.reason === "nonexistent" ? "time" : "day");
    throw error;
  }
}

/**
 * Runs the checks for a change: the hard limit always refuses; warnings refuse until the user
 * confirms having seen them. Either way the findings travel in `details` for the form.
 */
async function guardChecks(db: DbOrTx, workspaceId: string, proposed: ProposedPost, confirm: boolean): Promise<CheckWarning[]> {
  const warnings = await checkProposedPosts(db, { workspaceId, proposed: [proposed] });
  if (warnings.some((w) => w.severity === "error")) throw new AppError("errors.calendarChecksBlock", undefined, { warnings });
  if (warnings.length && !confirm) throw new AppError("errors.calendarChecksConfirm", undefined, { warnings });
  return warnings;
}

async function lockPost(db: DbOrTx, workspaceId: string, postId: string, version: number) {
  const [post] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)))
    .for("update");
  if (!post) throw new NotFoundError();
  if (LOCKED.includes(post.status)) throw new RuleError(post.status === "sent" ? "errors.postAlreadySent" : "errors.postCancelled");
  if (post.version !== version) {
    const timeZone = await workspaceTimeZone(db, workspaceId);
    throw new ConflictError("errors.postChanged", { version: post.version, day: instantDay(post.scheduledAt, timeZone), time: instantTime(post.scheduledAt, timeZone) });
  }
  return post;
}

function refuseThePast(at: Date, before: Date | null) {
  if (before && at.getTime() === before.getTime()) return;
  if (at.getTime() < Date.now() - PAST_GRACE_MS) throw new RuleError("validation.postInPast", "time");
}

/** A due or failed post given a new time waits for it again. */
async function backToScheduled(db: DbOrTx, workspaceId: string, postId: string, status: PostStatus, at: Date, actorUserId: string) {
  if ((status === "due" || status === "failed") && at.getTime() > Date.now()) {
    await transitionPosts(db, { workspaceId, postIds: [postId], to: "scheduled", actorUserId, note: "rescheduled", set: { late: false, failedReason: null, dueAt: null } });
  }
}

export async function movePost(
  db: DbOrTx,
  q: { workspaceId: string; actorUserId: string; postId: string; version: number; day: string; time: string; confirm: boolean },
) {
  const post = await lockPost(db, q.workspaceId, q.postId, q.version);
  const at = resolveLocalTime(q.day, q.time, await workspaceTimeZone(db, q.workspaceId));
  refuseThePast(at, post.scheduledAt);
  const warnings = await guardChecks(db, q.workspaceId, { id: post.id, groupId: post.groupId, scheduledAt: at, category: post.category, channel: post.channel }, q.confirm);
  await db
    .update(posts)
    .set({ scheduledAt: at, version: sql`${posts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(posts.workspaceId, q.workspaceId), eq(posts.id, post.id)));
  await backToScheduled(db, q.workspaceId, post.id, post.status, at, q.actorUserId);
  return { postId: post.id, from: post.scheduledAt.toISOString(), to: at.toISOString(), warnings };
}

/** Library content must be the workspace's own, and a variant must be one of its item's. */
async function resolveContent(db: DbOrTx, workspaceId: string, f: Omit<PostFields, "postId" | "version">) {
  if (f.contentMode === "inline") return { contentItemId: null, variantId: null, title: f.title, body: f.body };
  const [item] = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.id, f.contentItemId!), isNull(contentItems.archivedAt)));
  if (!item) throw new RuleError("validation.invalid", "contentItemId");
  if (f.variantId) {
    const [variant] = await db
      .select({ id: contentVariants.id })
      .from(contentVariants)
      .where(and(eq(contentVariants.workspaceId, workspaceId), eq(contentVariants.itemId, item.id), eq(contentVariants.id, f.variantId)));
    if (!variant) throw new RuleError("validation.invalid", "variantId");
  }
  return { contentItemId: item.id, variantId: f.variantId, title: "", body: "" };
}

async function assertMember(db: DbOrTx, workspaceId: string, userId: string | null) {
  if (!userId) return;
  const [m] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!m) throw new RuleError("validation.invalid", "ownerUserId");
}

export async function updatePost(db: DbOrTx, q: { workspaceId: string; actorUserId: string; fields: PostFields }) {
  const f = q.fields;
  const post = await lockPost(db, q.workspaceId, f.postId, f.version);
  const at = resolveLocalTime(f.day, f.time, await workspaceTimeZone(db, q.workspaceId));
  refuseThePast(at, post.scheduledAt);
  const content = await resolveContent(db, q.workspaceId, f);
  await assertMember(db, q.workspaceId, f.ownerUserId);
  const warnings = await guardChecks(db, q.workspaceId, { id: post.id, groupId: post.groupId, scheduledAt: at, category: f.category, channel: f.channel }, f.confirm);
  await db
    .update(posts)
    .set({ ...content, scheduledAt: at, category: f.category, channel: f.channel, ownerUserId: f.ownerUserId, notes: f.notes, version: sql`${posts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(posts.workspaceId, q.workspaceId), eq(posts.id, post.id)));
  await backToScheduled(db, q.workspaceId, post.id, post.status, at, q.actorUserId);
  return { postId: post.id, warnings };
}

export async function createPost(db: DbOrTx, q: { workspaceId: string; actorUserId: string; groupId: string; fields: Omit<PostFields, "postId" | "version"> }) {
  const f = q.fields;
  const [group] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.workspaceId, q.workspaceId), eq(groups.id, q.groupId)));
  if (!group) throw new NotFoundError();
  const at = resolveLocalTime(f.day, f.time, await workspaceTimeZone(db, q.workspaceId));
  refuseThePast(at, null);
  const content = await resolveContent(db, q.workspaceId, f);
  await assertMember(db, q.workspaceId, f.ownerUserId);
  const warnings = await guardChecks(db, q.workspaceId, { groupId: group.id, scheduledAt: at, category: f.category, channel: f.channel }, f.confirm);
  const [postId] = await createPosts(
    db,
    q.workspaceId,
    [{ ...content, groupId: group.id, scheduledAt: at, category: f.category, channel: f.channel, ownerUserId: f.ownerUserId, notes: f.notes }],
    q.actorUserId,
  );
  return { postId: postId!, warnings };
}

export async function cancelPost(db: DbOrTx, q: { workspaceId: string; actorUserId: string; postId: string }) {
  const moved = await transitionPosts(db, { workspaceId: q.workspaceId, postIds: [q.postId], to: "cancelled", actorUserId: q.actorUserId });
  if (!moved.length) await explainRefusal(db, q.workspaceId, q.postId);
  return { postId: q.postId };
}

/** The operator sent it by hand: sent now, and its due notifications are done with. */
export async function markPostSent(db: DbOrTx, q: { workspaceId: string; actorUserId: string; postId: string }) {
  const moved = await transitionPosts(db, { workspaceId: q.workspaceId, postIds: [q.postId], to: "sent", actorUserId: q.actorUserId, note: "marked sent", set: { sentAt: new Date() } });
  if (!moved.length) await explainRefusal(db, q.workspaceId, q.postId);
  // Sent by hand: the channel reports nothing, so reach is the group's members right now.
  await recordReach(db, q.workspaceId, [q.postId]);
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.workspaceId, q.workspaceId), eq(notifications.postId, q.postId), isNull(notifications.readAt)));
  return { postId: q.postId };
}

async function explainRefusal(db: DbOrTx, workspaceId: string, postId: string): Promise<never> {
  const [post] = await db.select({ status: posts.status }).from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (!post) throw new NotFoundError();
  if (post.status === "sent") throw new RuleError("errors.postAlreadySent");
  if (post.status === "cancelled") throw new RuleError("errors.postCancelled");
  throw new RuleError("errors.postWrongStatus");
}

export async function markNotificationsRead(db: DbOrTx, q: { workspaceId: string; userId: string; notificationId: string | null }) {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.workspaceId, q.workspaceId),
        eq(notifications.userId, q.userId),
        isNull(notifications.readAt),
        q.notificationId ? eq(notifications.id, q.notificationId) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { count: rows.length };
}
