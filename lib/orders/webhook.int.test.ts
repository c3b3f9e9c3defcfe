import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { recordClick } from "@/lib/links/click";
import { ensureMemberLink, ensurePostLinks } from "@/lib/links/links";
import { addLinkPost, eventsOf, linkWorkspace } from "@/lib/links/testing";
import { rotateOrdersSecret, setAttributionWindow } from "./settings";
import { signOrderRequest } from "./signature";
import { handleOrderWebhook } from "./webhook";

afterAll(closeDb);
const db = () => getDb();

async function ordersWorkspace(label: string) {
  const ws = await linkWorkspace(label, [3]);
  const secret = await rotateOrdersSecret(db(), ws.workspaceId);
  return { ...ws, secret };
}

function post(workspaceId: string, secret: string, body: unknown, opts: { nowS?: number; tsS?: number; signature?: string } = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const signed = signOrderRequest(secret, raw, opts.tsS ?? opts.nowS);
  const headers: Record<string, string> = { "x-qunyun-workspace": workspaceId, "x-qunyun-timestamp": signed.timestamp, "x-qunyun-signature": opts.signature ?? signed.signature };
  return handleOrderWebhook(raw, (n) => headers[n] ?? null, opts.nowS);
}

const order = (id: string, over: Record<string, unknown> = {}) => ({ type: "order", order_id: id, amount: "129.90", occurred_at: new Date().toISOString(), ...over });
const storedOrders = (workspaceId: string) => db().execute<{ external_id: string; amount_cents: string; refunded_cents: string; attribution: string; post_id: string | null; member_id: string | null }>(sql`select * from orders where workspace_id = ${workspaceId} order by external_id`);

describe("order webhook: signature and timestamp", () => {
  it("refuses a wrong signature, a missing one, and timestamps more than 5 minutes old or ahead", async () => {
    const ws = await ordersWorkspace("wh-sig");
    const now = Math.floor(Date.now() / 1000);
    expect((await post(ws.workspaceId, ws.secret, order("A1"), { signature: "sha256=" + "0".repeat(64) })).body).toMatchObject({ error: "invalid_signature" });
    expect((await post(ws.workspaceId, "whsec_wrong", order("A1"))).status).toBe(401);
    expect((await post(ws.workspaceId, ws.secret, order("A1"), { nowS: now, tsS: now - 301 })).body).toMatchObject({ error: "timestamp_out_of_window" });
    expect((await post(ws.workspaceId, ws.secret, order("A1"), { nowS: now, tsS: now + 301 })).status).toBe(401);
    expect((await handleOrderWebhook("{}", () => null)).body).toMatchObject({ error: "missing_signature" });
    expect(await storedOrders(ws.workspaceId)).toHaveLength(0);
    expect((await post(ws.workspaceId, ws.secret, order("A1"), { nowS: now, tsS: now - 300 })).status).toBe(201);
  });

  it("a signature valid for workspace A does nothing to workspace B; a rotated secret stops the old one", async () => {
    const a = await ordersWorkspace("wh-iso-a");
    const b = await ordersWorkspace("wh-iso-b");
    expect((await post(b.workspaceId, a.secret, order("X1"))).status).toBe(401);
    expect(await storedOrders(b.workspaceId)).toHaveLength(0);
    const old = a.secret;
    await rotateOrdersSecret(db(), a.workspaceId);
    expect((await post(a.workspaceId, old, order("X1"))).status).toBe(401);
  });

  it("validates the body: exactly one of amount and amount_cents, an offset on times", async () => {
    const ws = await ordersWorkspace("wh-body");
    expect((await post(ws.workspaceId, ws.secret, order("B1", { amount_cents: 100 }))).status).toBe(400);
    expect((await post(ws.workspaceId, ws.secret, order("B1", { amount: "12.345" }))).status).toBe(400);
    expect((await post(ws.workspaceId, ws.secret, order("B1", { occurred_at: "2026-11-30 10:00" }))).status).toBe(400);
    expect((await post(ws.workspaceId, ws.secret, "not json")).body).toMatchObject({ error: "invalid_json" });
    const ok = await post(ws.workspaceId, ws.secret, { type: "order", order_id: "B2", amount_cents: 9900, occurred_at: "2026-11-30T10:00:00+08:00" });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: "created", order: { externalId: "B2", amountCents: 9900, attribution: "none" } });
  });
});

describe("order webhook: idempotency", () => {
  it("stores an order once under concurrent duplicates, answers the stored order, and 409s a different body", async () => {
    const ws = await ordersWorkspace("wh-idem");
    const body = order("D1", { occurred_at: "2026-11-29T12:00:00.000Z" });
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(ws.workspaceId, ws.secret, body)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(11);
    expect(answers.every((a) => (a.body.order as { externalId: string }).externalId === "D1")).toBe(true);
    // Re-serialised, same meaning: still a replay.
    expect((await post(ws.workspaceId, ws.secret, { occurred_at: "2026-11-29T20:00:00+08:00", amount_cents: 12990, order_id: "D1", type: "order" })).status).toBe(200);
    const conflicts = await Promise.all([post(ws.workspaceId, ws.secret, { ...body, amount: "1.00" }), post(ws.workspaceId, ws.secret, { ...body, amount: "2.00" })]);
    expect(conflicts.map((c) => c.status)).toEqual([409, 409]);
    expect(await storedOrders(ws.workspaceId)).toHaveLength(1);
    expect(await eventsOf(ws.workspaceId, "order")).toHaveLength(1);
  });
});

describe("refunds", () => {
  it("reduce revenue, once per refund id, never beyond the order's amount", async () => {
    const ws = await ordersWorkspace("wh-refund");
    await post(ws.workspaceId, ws.secret, order("R-ORDER", { amount_cents: 10000, amount: undefined }));
    const refund = (id: string, cents: number) => ({ type: "refund", refund_id: id, order_id: "R-ORDER", amount_cents: cents, occurred_at: new Date().toISOString() });
    const first = refund("RF1", 3000);
    expect((await post(ws.workspaceId, ws.secret, first)).status).toBe(201);
    expect((await post(ws.workspaceId, ws.secret, first)).status).toBe(200);
    expect((await post(ws.workspaceId, ws.secret, { ...first, amount_cents: 100 })).status).toBe(409);
    // Two concurrent refunds of 5,000 and 4,000 against 7,000 left: one passes, one is refused.
    const both = await Promise.all([post(ws.workspaceId, ws.secret, refund("RF2", 5000)), post(ws.workspaceId, ws.secret, refund("RF3", 4000))]);
    expect(both.map((b) => b.status).sort()).toEqual([201, 422]);
    const [stored] = await storedOrders(ws.workspaceId);
    expect(Number(stored!.refunded_cents)).toBeGreaterThanOrEqual(7000);
    expect(Number(stored!.refunded_cents)).toBeLessThanOrEqual(10000);
    const refunds = await eventsOf(ws.workspaceId, "refund");
    expect(refunds.reduce((s, r) => s + Number(r.amount_cents), 0)).toBe(Number(stored!.refunded_cents));
    expect((await post(ws.workspaceId, ws.secret, { ...refund("RF9", 1), order_id: "NOPE" })).status).toBe(404);
  });

  it("cannot refund another workspace's order", async () => {
    const a = await ordersWorkspace("wh-refund-a");
    const b = await ordersWorkspace("wh-refund-b");
    await post(a.workspaceId, a.secret, order("SHARED-1"));
    const answer = await post(b.workspaceId, b.secret, { type: "refund", refund_id: "RFX", order_id: "SHARED-1", amount: "1.00", occurred_at: new Date().toISOString() });
    expect(answer.status).toBe(404);
  });
});

describe("attribution", () => {
  it("credits the carried link code, else the member's last click within the window, else none", async () => {
    const ws = await ordersWorkspace("wh-attr");
    const [groupId] = ws.groupIds as [string];
    const postA = await addLinkPost(ws.workspaceId, groupId);
    const postB = await addLinkPost(ws.workspaceId, groupId, { body: "另一个 https://shop.example.com/b" });
    const links = await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [postA, postB] });
    const member = ws.memberIds[0]![0]!;
    const personal = await ensureMemberLink(db(), { workspaceId: ws.workspaceId, postId: postB, memberId: member });
    const orderAt = new Date("2026-11-20T12:00:00Z");
    const day = 24 * 3600 * 1000;
    // The member clicked post B's personal link exactly 7 days before the order.
    await recordClick(personal!.code, crypto.randomUUID(), new Date(orderAt.getTime() - 7 * day));

    const viaCode = await post(ws.workspaceId, ws.secret, order("AT1", { link_code: links.get(postA)!.code, member_id: member, occurred_at: orderAt.toISOString() }));
    expect(viaCode.body.order).toMatchObject({ attribution: "link", postId: postA, groupId, memberId: member });
    const viaPhone = await post(ws.workspaceId, ws.secret, order("AT2", { member: { phone: "+86 139-0000-0000" }, occurred_at: orderAt.toISOString() }));
    expect(viaPhone.body.order).toMatchObject({ attribution: "last_click", postId: postB, memberId: member });
    const late = await post(ws.workspaceId, ws.secret, order("AT3", { member_id: member, occurred_at: new Date(orderAt.getTime() + 1000).toISOString() }));
    expect(late.body.order).toMatchObject({ attribution: "none", postId: null, memberId: member });
    const personalCode = await post(ws.workspaceId, ws.secret, order("AT4", { link_code: personal!.code, occurred_at: orderAt.toISOString() }));
    expect(personalCode.body.order).toMatchObject({ attribution: "member_link", postId: postB, memberId: member });
    // A longer window takes the older click in.
    await setAttributionWindow(db(), ws.workspaceId, 8);
    const wider = await post(ws.workspaceId, ws.secret, order("AT5", { member_id: member, occurred_at: new Date(orderAt.getTime() + 1000).toISOString() }));
    expect(wider.body.order).toMatchObject({ attribution: "last_click", postId: postB });
    // A click after the order does not count.
    const before = await post(ws.workspaceId, ws.secret, order("AT6", { member_id: member, occurred_at: new Date(orderAt.getTime() - 8 * day).toISOString() }));
    expect(before.body.order).toMatchObject({ attribution: "none" });
    const [event] = (await eventsOf(ws.workspaceId, "order")).filter((e) => e.idempotency_key === "order:AT1");
    expect(event).toMatchObject({ post_id: postA, group_id: groupId, member_id: member });
  });

  it("does not follow another workspace's link code or member", async () => {
    const a = await ordersWorkspace("wh-attr-a");
    const b = await ordersWorkspace("wh-attr-b");
    const postA = await addLinkPost(a.workspaceId, a.groupIds[0]!);
    const code = (await ensurePostLinks(db(), { workspaceId: a.workspaceId, postIds: [postA] })).get(postA)!.code;
    const answer = await post(b.workspaceId, b.secret, order("ISO1", { link_code: code, member_id: a.memberIds[0]![0]! }));
    expect(answer.status).toBe(201);
    expect(answer.body.order).toMatchObject({ attribution: "none", postId: null, memberId: null, linkCode: code });
  });
});
