"use server";

import { workspaceAction } from "@/lib/action";
import { retryPost } from "@/lib/dispatch/commands";
import { cancelPost, createPost, markNotificationsRead, markPostSent, movePost, updatePost } from "@/lib/calendar/commands";
import { createPostSchema, markNotificationsReadSchema, movePostSchema, postRefSchema, updatePostSchema } from "@/lib/calendar/schema";

const target = (postId: string) => ({ targetType: "post", targetId: postId });

export const movePostAction = workspaceAction(
  { role: "operator", schema: movePostSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, i) => movePost(db, { workspaceId, actorUserId: session.user.id, ...i }),
  (i, d) => ({ action: "post.move", ...target(i.postId), data: { from: d.from, to: d.to, warnings: d.warnings.map((w) => w.kind) } }),
);

export const updatePostAction = workspaceAction(
  { role: "operator", schema: updatePostSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, fields) => updatePost(db, { workspaceId, actorUserId: session.user.id, fields }),
  (i, d) => ({ action: "post.update", ...target(i.postId), data: { day: i.day, time: i.time, category: i.category, channel: i.channel, warnings: d.warnings.map((w) => w.kind) } }),
);

export const createPostAction = workspaceAction(
  { role: "operator", schema: createPostSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, { groupId, ...fields }) => createPost(db, { workspaceId, actorUserId: session.user.id, groupId, fields }),
  (i, d) => ({ action: "post.create", ...target(d.postId), data: { groupId: i.groupId, day: i.day, time: i.time, category: i.category } }),
);

export const cancelPostAction = workspaceAction(
  { role: "operator", schema: postRefSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, i) => cancelPost(db, { workspaceId, actorUserId: session.user.id, ...i }),
  (i) => ({ action: "post.cancel", ...target(i.postId) }),
);

export const markPostSentAction = workspaceAction(
  { role: "operator", schema: postRefSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, i) => markPostSent(db, { workspaceId, actorUserId: session.user.id, ...i }),
  (i) => ({ action: "post.mark_sent", ...target(i.postId) }),
);

/** A failed webhook post goes out again now, under the same idempotency key. */
export const retryPostAction = workspaceAction(
  { role: "operator", schema: postRefSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, i) => retryPost(db, { workspaceId, actorUserId: session.user.id, postId: i.postId }),
  (i) => ({ action: "post.retry", ...target(i.postId) }),
);

/** Reading one's own notifications is not writing the workspace: viewers may do it too. */
export const markNotificationsReadAction = workspaceAction(
  { role: "viewer", schema: markNotificationsReadSchema, revalidate: "" },
  ({ db, workspaceId, session }, i) => markNotificationsRead(db, { workspaceId, userId: session.user.id, ...i }),
  (i, d) => ({ action: "notification.read", targetType: "notification", targetId: i.notificationId ?? "all", data: { count: d.count } }),
);
