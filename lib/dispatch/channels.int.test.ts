import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { calendarSettings, groups, notifications, postHistory } from "@/db/schema";
import { newId } from "@/lib/ids";
import { checkOutboundUrl, OutboundRefusedError, postOutbound } from "@/lib/net/outbound";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { WebhookSender } from "./deliver";
import { markDuePosts } from "./due";
import { WECOM_NOT_CONNECTED } from "./handoff";
import { sendTestPing } from "./ping";
import { assertWebhookUrl } from "./settings";
import { addPosts, deliveryRow, postRow, startReceiver, webhookWorkspace } from "./testing";

// No QUNYUN_OUTBOUND_ALLOW_PRIVATE here: these tests check the rule as production applies it.
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(closeDb);

async function workspaceWithGroup(label: string) {
  const ws = await makeWorkspace(label);
  const groupId = newId();
  await getDb().insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: `${label} 群`, stage: "active" });
  return { ...ws, groupId };
}

const notes = (workspaceId: string) =>
  getDb().select({ userId: notifications.userId, kind: notifications.kind, postId: notifications.postId }).from(notifications).where(eq(notifications.workspaceId, workspaceId));

describe("manual and WeCom posts", () => {
  it("makes a manual post due with one notification for its owner, even when ticked twice", async () => {
    const ws = await workspaceWithGroup("manual-owner");
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual" }, ws.operator.id);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    const post = await postRow(ws.workspaceId, postId!);
    expect(post.status).toBe("due");
    expect(post.dueAt).not.toBeNull();
    expect(await notes(ws.workspaceId)).toEqual([{ userId: ws.operator.id, kind: "post_due", postId }]);
    expect(await deliveryRow(ws.workspaceId, postId!)).toBeUndefined();
  });

  it("notifies every operator and owner (not viewers) when the post has no owner", async () => {
    const ws = await workspaceWithGroup("manual-none");
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual" });
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    const got = (await notes(ws.workspaceId)).map((n) => n.userId).sort();
    expect(got).toEqual([ws.owner.id, ws.operator.id].sort());
    expect((await notes(ws.workspaceId)).every((n) => n.postId === postId && n.kind === "post_due")).toBe(true);
  });

  it("fails a WeCom post clearly while the connector does not exist", async () => {
    const ws = await workspaceWithGroup("wecom");
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "wecom" }, ws.owner.id);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    const post = await postRow(ws.workspaceId, postId!);
    expect(post.status).toBe("failed");
    expect(post.failedReason).toBe(WECOM_NOT_CONNECTED);
    expect(await notes(ws.workspaceId)).toEqual([{ userId: ws.owner.id, kind: "post_failed", postId }]);
  });

  it("leaves future, draft and cancelled posts alone", async () => {
    const ws = await workspaceWithGroup("not-yet");
    const [future] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual", scheduledAt: new Date(Date.now() + 3_600_000) });
    const [draft] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual", status: "draft" });
    const [cancelled] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual", status: "cancelled" });
    expect((await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] })).due).toBe(0);
    expect((await postRow(ws.workspaceId, future!)).status).toBe("scheduled");
    expect((await postRow(ws.workspaceId, draft!)).status).toBe("draft");
    expect((await postRow(ws.workspaceId, cancelled!)).status).toBe("cancelled");
  });
});

describe("catch-up after downtime", () => {
  it("makes posts missed while no worker ran due, marked late; recent ones are on time", async () => {
    const ws = await workspaceWithGroup("catch-up");
    const [missed] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual", scheduledAt: new Date(Date.now() - 3 * 3_600_000) });
    const [recent] = await addPosts(ws.workspaceId, ws.groupId, 1, { channel: "manual", scheduledAt: new Date(Date.now() - 20_000) });
    expect(await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] })).toMatchObject({ due: 2, late: 1 });
    expect(await postRow(ws.workspaceId, missed!)).toMatchObject({ status: "due", late: true });
    expect(await postRow(ws.workspaceId, recent!)).toMatchObject({ status: "due", late: false });
    const [h] = await getDb()
      .select({ note: postHistory.note })
      .from(postHistory)
      .where(and(eq(postHistory.workspaceId, ws.workspaceId), eq(postHistory.postId, missed!), eq(postHistory.toStatus, "due")));
    expect(h?.note).toBe("late");
  });

  it("still delivers a late webhook post, saying it is late", async () => {
    const rx = await startReceiver([200]);
    receivers.push(rx);
    const ws = await webhookWorkspace("late-webhook", rx.url);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1, { scheduledAt: new Date(Date.now() - 86_400_000) });
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    await new WebhookSender(getDb(), { allowPrivate: true, workspaceIds: [ws.workspaceId] }).drainAll();
    expect(JSON.parse(rx.received[0]!.body)).toMatchObject({ postId, late: true });
    expect(await postRow(ws.workspaceId, postId!)).toMatchObject({ status: "sent", late: true });
  });
});

describe("outbound URL rule (SSRF)", () => {
  it("refuses private, loopback and non-http URLs when saving", async () => {
    const key = async (url: string) => assertWebhookUrl(url).then(() => "ok", (e: { messageKey: string }) => e.messageKey);
    expect(await key("ftp://example.com/hook")).toBe("validation.webhookUrlScheme");
    expect(await key("not a url")).toBe("validation.webhookUrlInvalid");
    expect(await key("https://user:pw@93.184.216.34/hook")).toBe("validation.webhookUrlCredentials");
    for (const url of ["http://127.0.0.1:8080/", "http://localhost/hook", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/", "http://0x7f.1/", "http://[fd00::1]/"]) {
      expect(await key(url), url).toBe("validation.webhookUrlPrivate");
    }
    expect(await key("https://93.184.216.34/hook")).toBe("ok");
  });

  it("refuses at connect time a host name that resolves to a loopback address", async () => {
    const rx = await startReceiver([200]);
    receivers.push(rx);
    const request = { body: "{}", headers: {}, timeoutMs: 2_000 };
    await expect(postOutbound(`http://localhost:${rx.port}/hook`, request)).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(postOutbound(`http://127.0.0.1:${rx.port}/hook`, request)).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(checkOutboundUrl(`http://localhost:${rx.port}/`)).rejects.toMatchObject({ reason: "private" });
    expect(rx.received).toHaveLength(0);
  });

  it("fails a delivery whose saved URL now points at a private address, without sending it", async () => {
    const rx = await startReceiver([200]);
    receivers.push(rx);
    // Saved while it was allowed (or before a DNS change): the check at send time still holds.
    const ws = await webhookWorkspace("ssrf-send", `http://localhost:${rx.port}/hook`);
    const [postId] = await addPosts(ws.workspaceId, ws.groupId, 1);
    await markDuePosts(getDb(), { workspaceIds: [ws.workspaceId] });
    await new WebhookSender(getDb(), { workspaceIds: [ws.workspaceId] }).drainAll();
    expect(rx.received).toHaveLength(0);
    const post = await postRow(ws.workspaceId, postId!);
    expect(post.status).toBe("failed");
    expect(post.failedReason).toContain("address refused");
    const ping = await sendTestPing(getDb(), ws.workspaceId);
    expect(ping).toEqual({ delivered: false, status: null, error: "refused" });
  });

  it("sends a signed test ping when the address is allowed", async () => {
    const rx = await startReceiver([204]);
    receivers.push(rx);
    const ws = await webhookWorkspace("ping", rx.url);
    expect(await sendTestPing(getDb(), ws.workspaceId, { allowPrivate: true })).toEqual({ delivered: true, status: 204, error: null });
    expect(JSON.parse(rx.received[0]!.body)).toMatchObject({ type: "ping", workspaceId: ws.workspaceId });
    await getDb().update(calendarSettings).set({ webhookUrl: null }).where(eq(calendarSettings.workspaceId, ws.workspaceId));
    await expect(sendTestPing(getDb(), ws.workspaceId)).rejects.toMatchObject({ messageKey: "errors.webhookNotSetUp" });
  });
});

describe("scope", () => {
  it("touches only the workspaces it is given", async () => {
    const a = await workspaceWithGroup("scope-a");
    const b = await workspaceWithGroup("scope-b");
    const [pa] = await addPosts(a.workspaceId, a.groupId, 1, { channel: "manual" });
    const [pb] = await addPosts(b.workspaceId, b.groupId, 1, { channel: "manual" });
    await markDuePosts(getDb(), { workspaceIds: [a.workspaceId] });
    expect((await postRow(a.workspaceId, pa!)).status).toBe("due");
    expect((await postRow(b.workspaceId, pb!)).status).toBe("scheduled");
  });
});
