import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { posts } from "@/db/schema";
import { transitionPosts } from "@/lib/calendar/status";
import { NotFoundError, RuleError } from "@/lib/errors";
import { handOff } from "./handoff";

/**
 * Sends a failed post again now, through its channel: failed → scheduled → due in one go (both
 * with history), and its webhook delivery reset to a fresh set of attempts under the SAME
 * idempotency key, so a receiver that did get an earlier attempt can still drop the copy.
 * For the calendar's "重试" button (an operator action).
 */
export async function retryPost(tx: DbOrTx, input: { workspaceId: string; postId: string; actorUserId: string }): Promise<{ postId: string }> {
  const { workspaceId, postId, actorUserId } = input;
  const [post] = await tx
    .select({ status: posts.status, channel: posts.channel })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (!post) throw new NotFoundError();
  if (post.status !== "failed") throw new RuleError("errors.postNotFailed");
  const back = await transitionPosts(tx, { workspaceId, postIds: [postId], to: "scheduled", actorUserId, note: "retry", set: { failedReason: null } });
  if (!back.length) throw new RuleError("errors.postNotFailed");
  // Now, not at the original time: the operator asked for it to go out.
  await transitionPosts(tx, { workspaceId, postIds: [postId], to: "due", actorUserId, note: "retry", set: { dueAt: new Date() } });
  await handOff(tx, workspaceId, [{ id: postId, channel: post.channel }]);
  return { postId };
}
