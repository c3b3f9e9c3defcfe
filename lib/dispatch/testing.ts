/**
 * Helpers for the dispatcher's integration tests: a real HTTP receiver on 127.0.0.1 and a
 * workspace with a group and a webhook pointing at it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups, postDeliveries, posts } from "@/db/schema";
import { createPosts, type NewPost } from "@/lib/calendar/posts";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { saveWebhook } from "./settings";

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };

/** Answers each request with the next status of `statuses` (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  const plan = [...statuses];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = plan.length > 1 ? plan.shift()! : plan[0]!;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A workspace (owner, operator, viewer), one group, and a webhook to `url` (saved with the test-only exemption). */
export async function webhookWorkspace(label: string, url: string, maxAttempts = 5) {
  const ws = await makeWorkspace(label);
  const groupId = newId();
  await getDb().insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: `${label} 1 群`, stage: "active", externalChatId: `wr-${groupId.slice(0, 8)}` });
  const { secret } = await saveWebhook(getDb(), ws.workspaceId, { url, maxAttempts }, { allowPrivate: true });
  return { ...ws, groupId, secret: secret! };
}

export async function addPosts(workspaceId: string, groupId: string, count: number, over: Partial<NewPost> = {}, ownerUserId: string | null = null) {
  const rows: NewPost[] = Array.from({ length: count }, (_, i) => ({
    groupId,
    scheduledAt: new Date(Date.now() - 30_000),
    channel: "webhook",
    category: "activity",
    title: `帖子 ${i + 1}`,
    body: `今日特价 ${i + 1}`,
    ownerUserId,
    ...over,
  }));
  return getDb().transaction((tx) => createPosts(tx, workspaceId, rows, null));
}

export async function postRow(workspaceId: string, postId: string) {
  const [row] = await getDb().select().from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  return row!;
}

export async function deliveryRow(workspaceId: string, postId: string) {
  const [row] = await getDb().select().from(postDeliveries).where(and(eq(postDeliveries.workspaceId, workspaceId), eq(postDeliveries.postId, postId)));
  return row;
}
