import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups, postHistory, posts } from "@/db/schema";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { transitionPosts } from "./status";

afterAll(closeDb);

describe("transitionPosts", () => {
  it("moves only posts whose status allows it and writes their history", async () => {
    const ws = await makeWorkspace("status");
    const db = getDb();
    const groupId = newId();
    await db.insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: "G" });
    const [a, b] = [newId(), newId()];
    await db.insert(posts).values([
      { workspaceId: ws.workspaceId, id: a, groupId, scheduledAt: new Date(), category: "activity", status: "due" },
      { workspaceId: ws.workspaceId, id: b, groupId, scheduledAt: new Date(), category: "activity", status: "cancelled" },
    ]);
    const sentAt = new Date();
    const moved = await db.transaction((tx) =>
      transitionPosts(tx, { workspaceId: ws.workspaceId, postIds: [a, b], to: "sent", actorUserId: ws.operator.id, set: { sentAt } }),
    );
    expect(moved).toEqual([{ id: a, from: "due" }]);
    const rows = await db.select().from(posts).where(eq(posts.workspaceId, ws.workspaceId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [a]: "sent", [b]: "cancelled" });
    expect(rows.find((r) => r.id === a)?.sentAt?.getTime()).toBe(sentAt.getTime());
    const history = await db.select().from(postHistory).where(and(eq(postHistory.workspaceId, ws.workspaceId), eq(postHistory.postId, a)));
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorUserId])).toEqual([["due", "sent", ws.operator.id]]);
  });
});
