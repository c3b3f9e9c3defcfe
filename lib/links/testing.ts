/**
 * Helpers for the data area's integration tests: a workspace with groups, members in them and a
 * post that carries a link.
 */
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMemberships, groups, members } from "@/db/schema";
import { createPosts, type NewPost } from "@/lib/calendar/posts";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";

export async function linkWorkspace(label: string, memberCounts: number[] = [3]) {
  const ws = await makeWorkspace(label);
  const db = getDb();
  const groupIds: string[] = [];
  const memberIds: string[][] = [];
  for (const [g, count] of memberCounts.entries()) {
    const groupId = newId();
    groupIds.push(groupId);
    await db.insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: `${label} ${g + 1} 群`, stage: "active" });
    const ids = Array.from({ length: count }, () => newId());
    memberIds.push(ids);
    if (count) {
      await db.insert(members).values(ids.map((id, i) => ({ workspaceId: ws.workspaceId, id, nickname: `会员 ${g + 1}-${i + 1}`, phone: `139${String(g).padStart(2, "0")}${String(i).padStart(6, "0")}`.slice(0, 11) })));
      await db.insert(groupMemberships).values(ids.map((memberId) => ({ workspaceId: ws.workspaceId, id: newId(), groupId, memberId })));
    }
  }
  return { ...ws, groupIds, memberIds };
}

export async function addLinkPost(workspaceId: string, groupId: string, over: Partial<NewPost> = {}) {
  const row: NewPost = {
    groupId,
    scheduledAt: new Date(Date.now() + 3_600_000),
    channel: "manual",
    category: "activity",
    title: "双十一预告",
    body: "今晚 8 点开抢 https://shop.example.com/deal?id=11 限量 100 份",
    ...over,
  };
  const [id] = await getDb().transaction((tx) => createPosts(tx, workspaceId, [row], null));
  return id!;
}

export async function eventsOf(workspaceId: string, kind: string) {
  return getDb().execute<{ id: string; post_id: string | null; group_id: string | null; variant_id: string | null; member_id: string | null; link_id: string | null; order_id: string | null; amount_cents: string | null; unique_click: boolean | null; idempotency_key: string; occurred_at: string }>(
    sql`select * from events where workspace_id = ${workspaceId} and kind = ${kind}::event_kind order by occurred_at, id`,
  );
}
