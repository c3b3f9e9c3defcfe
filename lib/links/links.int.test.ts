import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { contentItems, contentVariants } from "@/db/schema";
import { markPostSent } from "@/lib/calendar/commands";
import { WebhookSender } from "@/lib/dispatch/deliver";
import { markDuePosts } from "@/lib/dispatch/due";
import { saveWebhook } from "@/lib/dispatch/settings";
import { newId } from "@/lib/ids";
import { recordClick } from "./click";
import { ensureMemberLink, ensurePostLinks } from "./links";
import { answerRedirect } from "./redirect-page";
import { addLinkPost, eventsOf, linkWorkspace } from "./testing";

afterAll(closeDb);

const db = () => getDb();
const codeRow = (code: string) => db().execute<{ workspace_id: string; kind: string; target_id: string }>(sql`select workspace_id, kind::text, target_id from public_codes where code = ${code}`);

describe("tracked links", () => {
  it("creates one link per post × group × variant, once, registered as a public code", async () => {
    const ws = await linkWorkspace("links-once", [2, 2]);
    const a = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const b = await addLinkPost(ws.workspaceId, ws.groupIds[1]!);
    const plain = await addLinkPost(ws.workspaceId, ws.groupIds[1]!, { body: "没有链接的帖子" });
    const first = await db().transaction((tx) => ensurePostLinks(tx, { workspaceId: ws.workspaceId, postIds: [a, b, plain] }));
    const again = await db().transaction((tx) => ensurePostLinks(tx, { workspaceId: ws.workspaceId, postIds: [a, b, plain] }));
    expect([...first.keys()].sort()).toEqual([a, b].sort());
    expect(again.get(a)?.code).toBe(first.get(a)?.code);
    expect(first.get(a)?.code).not.toBe(first.get(b)?.code);
    expect(first.get(a)?.code).toMatch(/^[0-9A-Za-z]{7}$/);
    expect(first.get(a)?.destination).toBe("https://shop.example.com/deal?id=11");
    const [registered] = await codeRow(first.get(a)!.code);
    expect(registered).toMatchObject({ workspace_id: ws.workspaceId, kind: "link", target_id: first.get(a)!.linkId });
    const [count] = await db().execute<{ n: number }>(sql`select count(*)::int as n from links where workspace_id = ${ws.workspaceId}`);
    expect(count!.n).toBe(2);
  });

  it("uses the variant's link for library content, and a personalised link per member", async () => {
    const ws = await linkWorkspace("links-variant", [2]);
    const itemId = newId();
    const variantId = newId();
    await db().insert(contentItems).values({ workspaceId: ws.workspaceId, id: itemId, title: "新品", category: "product", format: "link" });
    await db().insert(contentVariants).values({ workspaceId: ws.workspaceId, itemId, id: variantId, label: "A", body: "新品上架", linkUrl: "https://shop.example.com/new" });
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!, { contentItemId: itemId, body: "", category: "product" });
    const links = await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [postId] });
    expect(links.get(postId)).toMatchObject({ destination: "https://shop.example.com/new", variantId, memberId: null });
    const personal = await ensureMemberLink(db(), { workspaceId: ws.workspaceId, postId, memberId: ws.memberIds[0]![0]! });
    expect(personal).toMatchObject({ destination: "https://shop.example.com/new", variantId, memberId: ws.memberIds[0]![0] });
    expect(personal!.code).not.toBe(links.get(postId)!.code);
    // Another workspace's member gets nothing.
    const other = await linkWorkspace("links-variant-other", [1]);
    expect(await ensureMemberLink(db(), { workspaceId: ws.workspaceId, postId, memberId: other.memberIds[0]![0]! })).toBeNull();
  });

  it("refuses non-http destinations: a post with only a javascript: or ftp: link has none", async () => {
    const ws = await linkWorkspace("links-scheme", [1]);
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!, { body: "看这里 javascript:alert(1) 或 ftp://files.example.com/a" });
    expect((await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [postId] })).size).toBe(0);
  });
});

describe("/r/<code>", () => {
  it("redirects, sets a year-long HttpOnly cookie, and counts a repeat click from the same browser as not unique", async () => {
    const ws = await linkWorkspace("redirect", [2]);
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const link = (await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [postId] })).get(postId)!;
    const first = await answerRedirect(link.code, () => null);
    expect(first.status).toBe(302);
    expect(first.headers.Location).toBe("https://shop.example.com/deal?id=11");
    const cookie = first.headers["Set-Cookie"]!;
    expect(cookie).toMatch(/^qy_r=[0-9a-f-]{36}; Path=\/r\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    const jar = cookie.split(";")[0]!;
    const repeat = await answerRedirect(link.code, (n) => (n === "cookie" ? jar : null));
    expect(repeat.status).toBe(302);
    expect(repeat.headers["Set-Cookie"]).toBeUndefined();
    await answerRedirect(link.code, () => null);
    const clicks = await eventsOf(ws.workspaceId, "click");
    expect(clicks.map((c) => c.unique_click)).toEqual([true, false, true]);
    expect(clicks[0]).toMatchObject({ post_id: postId, group_id: ws.groupIds[0], link_id: link.linkId });
    expect(clicks[0]!.idempotency_key).toMatch(/^click:/);
  });

  it("answers an unknown code with a friendly 404 page in the visitor's language, and records nothing", async () => {
    const zh = await answerRedirect("Zz9Zz9Q", () => null);
    expect(zh.status).toBe(404);
    expect(zh.body).toContain("链接不存在");
    const en = await answerRedirect("nope!", (n) => (n === "accept-language" ? "en-US,en;q=0.9" : null));
    expect(en.status).toBe(404);
    expect(en.body).toContain("Link not found");
  });

  it("records every one of 200 concurrent clicks with exactly one unique per browser", async () => {
    const ws = await linkWorkspace("redirect-burst", [1]);
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const link = (await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [postId] })).get(postId)!;
    const browsers = Array.from({ length: 20 }, () => crypto.randomUUID());
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => recordClick(link.code, browsers[i % 20]!)));
    expect(results.every((r) => r.found)).toBe(true);
    const clicks = await eventsOf(ws.workspaceId, "click");
    expect(clicks).toHaveLength(200);
    expect(clicks.filter((c) => c.unique_click)).toHaveLength(20);
  });

  it("carries the member of a personalised link on its clicks", async () => {
    const ws = await linkWorkspace("redirect-member", [1]);
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const memberId = ws.memberIds[0]![0]!;
    const link = await ensureMemberLink(db(), { workspaceId: ws.workspaceId, postId, memberId });
    await recordClick(link!.code, crypto.randomUUID());
    const [click] = await eventsOf(ws.workspaceId, "click");
    expect(click).toMatchObject({ member_id: memberId, post_id: postId });
  });
});

describe("reach", () => {
  it("is the group's active members when a post is marked sent by hand, recorded once", async () => {
    const ws = await linkWorkspace("reach-manual", [4]);
    // One member left: not reached.
    await db().execute(sql`update group_memberships set left_at = now() where workspace_id = ${ws.workspaceId} and member_id = ${ws.memberIds[0]![0]!}`);
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    await db().transaction((tx) => markPostSent(tx, { workspaceId: ws.workspaceId, actorUserId: ws.operator.id, postId }));
    const [post] = await db().execute<{ reach_count: number; sent_at: string }>(sql`select reach_count, sent_at from posts where workspace_id = ${ws.workspaceId} and id = ${postId}`);
    expect(post!.reach_count).toBe(3);
    const reach = await eventsOf(ws.workspaceId, "reach");
    expect(reach).toHaveLength(1);
    expect(reach[0]).toMatchObject({ post_id: postId, group_id: ws.groupIds[0], idempotency_key: `reach:${postId}:${ws.groupIds[0]}` });
    expect(Number(reach[0]!.amount_cents)).toBe(3);
    expect(new Date(reach[0]!.occurred_at).getTime()).toBe(new Date(post!.sent_at).getTime());
    // A member joining later does not change what was recorded.
    await db().execute(sql`update group_memberships set left_at = null where workspace_id = ${ws.workspaceId}`);
    const { recordReach } = await import("./reach");
    await recordReach(db(), ws.workspaceId, [postId]);
    expect(await eventsOf(ws.workspaceId, "reach")).toHaveLength(1);
  });

  it("takes the webhook receiver's {\"reach\": n} when it answers one, and the payload carries the tracked URL", async () => {
    const bodies: string[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        bodies.push(Buffer.concat(chunks).toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ reach: 57 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const ws = await linkWorkspace("reach-webhook", [2]);
      await saveWebhook(db(), ws.workspaceId, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, maxAttempts: 3 }, { allowPrivate: true });
      const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!, { channel: "webhook", scheduledAt: new Date(Date.now() - 30_000) });
      await markDuePosts(db(), { workspaceIds: [ws.workspaceId] });
      await new WebhookSender(db(), { allowPrivate: true, workspaceIds: [ws.workspaceId], backoffMs: () => 0 }).drainAll();
      const payload = JSON.parse(bodies[0]!) as { link: string; linkDestination: string; body: string };
      const [link] = await db().execute<{ code: string }>(sql`select code from links where workspace_id = ${ws.workspaceId} and post_id = ${postId}`);
      expect(payload.link).toMatch(new RegExp(`/r/${link!.code}$`));
      expect(payload.linkDestination).toBe("https://shop.example.com/deal?id=11");
      expect(payload.body).toContain(`/r/${link!.code}`);
      expect(payload.body).not.toContain("shop.example.com");
      const reach = await eventsOf(ws.workspaceId, "reach");
      expect(reach.map((r) => Number(r.amount_cents))).toEqual([57]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("sent posts", () => {
  it("keep the link they had and never get a new one", async () => {
    const ws = await linkWorkspace("links-sent", [1]);
    const withLink = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const without = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const before = await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [withLink] });
    await db().execute(sql`update posts set status = 'sent', sent_at = now() where workspace_id = ${ws.workspaceId}`);
    const after = await ensurePostLinks(db(), { workspaceId: ws.workspaceId, postIds: [withLink, without] });
    expect(after.get(withLink)?.code).toBe(before.get(withLink)?.code);
    expect(after.has(without)).toBe(false);
  });
});
