import { and, asc, eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { notifications, postDeliveries, postHistory } from "@/db/schema";
import { retryPost } from "./commands";
import { claimDeliveries, WebhookSender, writeOutcomes, type SenderOptions } from "./deliver";
import { markDuePosts } from "./due";
import { HEADERS, verifySignature } from "./signature";
import { startDispatcher } from "./worker";
import { addPosts, deliveryRow, postRow, startReceiver, webhookWorkspace, type Received } from "./testing";

// The receivers listen on 127.0.0.1, so these senders use the explicit test-only exemption;
// the process environment stays without QUNYUN_OUTBOUND_ALLOW_PRIVATE.
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
async function receiver(statuses?: number[]) {
  const r = await startReceiver(statuses);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(closeDb);

const sender = (workspaceId: string, opts: SenderOptions = {}) =>
  new WebhookSender(getDb(), { allowPrivate: true, workspaceIds: [workspaceId], backoffMs: () => 0, timeoutMs: 5_000, ...opts });

const history = (workspaceId: string, postId: string) =>
  getDb()
    .select({ from: postHistory.fromStatus, to: postHistory.toStatus, note: postHistory.note })
    .from(postHistory)
    .where(and(eq(postHistory.workspaceId, workspaceId), eq(postHistory.postId, postId)))
    .orderBy(asc(postHistory.at), asc(postHistory.id));

const header = (r: Received, name: string) => r.headers[name.toLowerCase()] as string;

describe("webhook delivery", () => {
  it("delivers a due post as signed JSON, and the post becomes sent with its history", async () => {
    const rx = await receiver([200]);
    const ws = await webhookWorkspace("wh-ok", rx.url);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, { title: "午市菜单", body: "今日 11:00 开售" });

    const due = await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    expect(due).toMatchObject({ due: 1, late: 0, deliveries: 1 });
    await sender(ws.workspaceId).drainAll();

    expect(rx.received).toHaveLength(1);
    const [req] = rx.received as [Received];
    expect(verifySignature(ws.secret, { timestamp: header(req, HEADERS.timestamp), signature: header(req, HEADERS.signature) }, req.body)).toBe(true);
    expect(header(req, HEADERS.idempotencyKey)).toBe(`qy-webhook-${postId}`);
    expect(header(req, HEADERS.attempt)).toBe("1");
    const payload = JSON.parse(req.body);
    expect(payload).toMatchObject({ type: "post.due", postId, workspaceId: ws.workspaceId, title: "午市菜单", body: "今日 11:00 开售", category: "activity", timeZone: "Asia/Shanghai", late: false });
    expect(payload.group).toMatchObject({ id: ws.groupId, name: "wh-ok 1 群" });
    expect(payload.scheduledLocal).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const post = await postRow(ws.workspaceId, postId!);
    expect(post.status).toBe("sent");
    expect(post.sentAt).not.toBeNull();
    expect(post.dueAt).not.toBeNull();
    expect((await history(ws.workspaceId, postId!)).map((h) => h.to)).toEqual(["scheduled", "due", "sent"]);
    expect(await deliveryRow(ws.workspaceId, postId!)).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200 });
  });

  it("retries after an error answer with the same idempotency key, then succeeds", async () => {
    const rx = await receiver([500, 503, 200]);
    const ws = await webhookWorkspace("wh-retry", rx.url);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    await sender(ws.workspaceId).drainAll();

    expect(rx.received.map((r) => header(r, HEADERS.attempt))).toEqual(["1", "2", "3"]);
    expect(new Set(rx.received.map((r) => header(r, HEADERS.idempotencyKey))).size).toBe(1);
    expect(new Set(rx.received.map((r) => r.body)).size).toBe(1);
    expect((await postRow(ws.workspaceId, postId!)).status).toBe("sent");
    expect(await deliveryRow(ws.workspaceId, postId!)).toMatchObject({ status: "delivered", attempts: 3 });
  });

  it("waits between attempts as the backoff says", async () => {
    const rx = await receiver([500]);
    const ws = await webhookWorkspace("wh-backoff", rx.url);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    await sender(ws.workspaceId, { backoffMs: () => 60_000 }).drainAll();

    expect(rx.received).toHaveLength(1);
    const d = (await deliveryRow(ws.workspaceId, postId!))!;
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500", responseStatus: 500 });
    const waitS = (d.nextAttemptAt.getTime() - Date.now()) / 1000;
    expect(waitS).toBeGreaterThan(50);
    expect(waitS).toBeLessThanOrEqual(61);
    expect((await postRow(ws.workspaceId, postId!)).status).toBe("due");
  });

  it("fails the post after the workspace's maximum attempts, with the error and a notification", async () => {
    const rx = await receiver([503]);
    const ws = await webhookWorkspace("wh-fail", rx.url, 3);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, {}, ws.operator.id);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    await sender(ws.workspaceId).drainAll();

    expect(rx.received).toHaveLength(3);
    const post = await postRow(ws.workspaceId, postId!);
    expect(post.status).toBe("failed");
    expect(post.failedReason).toContain("HTTP 503");
    expect(post.failedReason).toContain("3");
    expect(await deliveryRow(ws.workspaceId, postId!)).toMatchObject({ status: "failed", attempts: 3, responseStatus: 503 });
    const notes = await getDb().select().from(notifications).where(eq(notifications.workspaceId, ws.workspaceId));
    expect(notes.map((n) => [n.userId, n.kind, n.postId])).toEqual([[ws.operator.id, "post_failed", postId]]);

    // 重试: back to due with a fresh set of attempts under the same key, and out it goes.
    const ok = await receiver([200]);
    await getDb().execute(sql`update calendar_settings set webhook_url = ${ok.url} where workspace_id = ${ws.workspaceId}`);
    await getDb().transaction((tx) => retryPost(tx, { workspaceId: ws.workspaceId, postId: postId!, actorUserId: ws.operator.id }));
    expect(await deliveryRow(ws.workspaceId, postId!)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    await sender(ws.workspaceId, { leaseMs: 60_000 }).drainAll();
    expect(ok.received.map((r) => header(r, HEADERS.idempotencyKey))).toEqual([`qy-webhook-${postId}`]);
    expect((await postRow(ws.workspaceId, postId!)).status).toBe("sent");
    expect((await history(ws.workspaceId, postId!)).map((h) => h.to)).toEqual(["scheduled", "due", "failed", "scheduled", "due", "sent"]);
  });

  it("delivers each post once when two workers race for the same posts", async () => {
    const rx = await receiver([200]);
    const ws = await webhookWorkspace("wh-race", rx.url);
    const ids = await addPosts(ws.workspaceId, ws.groupId, 300);
    const [a, b] = await Promise.all([
      markDuePosts(getDb(), { workspaceIds: [ws.workspaceId], batchSize: 50 }),
      markDuePosts(getDb(), { workspaceIds: [ws.workspaceId], batchSize: 50 }),
    ]);
    expect(a.due + b.due).toBe(300);
    await Promise.all([sender(ws.workspaceId, { concurrency: 16 }).drainAll(), sender(ws.workspaceId, { concurrency: 16 }).drainAll()]);

    const keys = rx.received.map((r) => header(r, HEADERS.idempotencyKey));
    expect(keys).toHaveLength(300);
    expect(new Set(keys).size).toBe(300);
    const [counts] = await getDb().execute<{ sent: number; sent_rows: number; deliveries: number }>(sql`
      select (select count(*)::int from posts where workspace_id = ${ws.workspaceId} and status = 'sent') as sent,
             (select count(*)::int from post_history where workspace_id = ${ws.workspaceId} and to_status = 'sent') as sent_rows,
             (select count(*)::int from post_deliveries where workspace_id = ${ws.workspaceId}) as deliveries`);
    expect(counts).toEqual({ sent: ids.length, sent_rows: ids.length, deliveries: ids.length });
  });

  it("takes over a delivery whose worker died mid-send, with the same key, and never marks it twice", async () => {
    const rx = await receiver([200]);
    const ws = await webhookWorkspace("wh-killed", rx.url);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });

    // Worker A claims the delivery, then dies before it can report.
    const [dead] = await claimDeliveries(getDb(), 10, { workspaceIds: [ws.workspaceId], leaseMs: 60_000 });
    expect(dead).toMatchObject({ post_id: postId, attempts: 1 });
    // While the lease runs, nobody else may send it.
    expect(await sender(ws.workspaceId).drain()).toBe(0);
    expect(rx.received).toHaveLength(0);

    // The lease runs out.
    await getDb()
      .update(postDeliveries)
      .set({ claimedUntil: sql`now() - interval '1 second'`, nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(postDeliveries.postId, postId!));
    await sender(ws.workspaceId).drainAll();
    expect(rx.received.map((r) => [header(r, HEADERS.idempotencyKey), header(r, HEADERS.attempt)])).toEqual([[`qy-webhook-${postId}`, "2"]]);
    expect((await postRow(ws.workspaceId, postId!)).status).toBe("sent");

    // Worker A comes back and reports its stale claim: nothing changes.
    await writeOutcomes(getDb(), [{ kind: "delivered", claim: dead!, status: 200 }]);
    await writeOutcomes(getDb(), [{ kind: "failed", claim: dead!, status: 500, error: "late report" }]);
    expect(await deliveryRow(ws.workspaceId, postId!)).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    expect((await history(ws.workspaceId, postId!)).filter((h) => h.to === "sent")).toHaveLength(1);
    expect((await postRow(ws.workspaceId, postId!)).status).toBe("sent");
  });

  it("signs each workspace's posts with its own secret and sends them only to its own URL", async () => {
    const [rxA, rxB] = [await receiver([200]), await receiver([200])];
    const a = await webhookWorkspace("wh-iso-a", rxA.url);
    const b = await webhookWorkspace("wh-iso-b", rxB.url);
    await addPosts(a.workspaceId, a.groupId, 2);
    await addPosts(b.workspaceId, b.groupId, 3);
    for (const w of [a, b]) await markDuePosts(getDb(), { workspaceIds: [w.workspaceId] });
    await new WebhookSender(getDb(), { allowPrivate: true, workspaceIds: [a.workspaceId, b.workspaceId] }).drainAll();

    expect(rxA.received).toHaveLength(2);
    expect(rxB.received).toHaveLength(3);
    for (const [rx, own, other] of [[rxA, a, b], [rxB, b, a]] as const) {
      for (const r of rx.received) {
        const sig = { timestamp: header(r, HEADERS.timestamp), signature: header(r, HEADERS.signature) };
        expect(JSON.parse(r.body).workspaceId).toBe(own.workspaceId);
        expect(verifySignature(own.secret, sig, r.body)).toBe(true);
        expect(verifySignature(other.secret, sig, r.body)).toBe(false);
      }
    }
  });

  it("runs as a pg-boss driven loop: a post falls due at its time and is sent with nobody calling anything", async () => {
    const rx = await receiver([200]);
    const ws = await webhookWorkspace("wh-loop", rx.url);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, { scheduledAt: new Date(Date.now() + 1_500) });
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 2 });
    await boss.start();
    const dispatcher = await startDispatcher(boss, { allowPrivate: true, workspaceIds: [ws.workspaceId], tickSeconds: 1, pollingIntervalSeconds: 0.5, idlePollMs: 200 });
    try {
      expect((await postRow(ws.workspaceId, postId!)).status).toBe("scheduled");
      // Wait for the state a user would see, polling the row.
      while ((await postRow(ws.workspaceId, postId!)).status !== "sent") await new Promise((r) => setTimeout(r, 100));
    } finally {
      await dispatcher.stop();
      await boss.stop({ graceful: false, wait: true });
    }
    expect(rx.received.map((r) => header(r, HEADERS.idempotencyKey))).toEqual([`qy-webhook-${postId}`]);
    expect(rx.received[0]!.at).toBeGreaterThanOrEqual((await postRow(ws.workspaceId, postId!)).scheduledAt.getTime());
  });
});
