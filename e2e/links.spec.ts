import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { seedWorkspace, signIn, sql } from "./fixtures";

test("a post's link is tracked: the to-do list copies the tracked URL, three visitors click it, a repeat click is not unique, and reach is recorded when it is sent", async ({ browser, baseURL }) => {
  const ws = await seedWorkspace("links");
  const groupId = v7();
  await sql`insert into groups (workspace_id, id, name, stage) values (${ws.workspaceId}, ${groupId}, '福利 1 群', 'active')`;
  for (const n of [1, 2]) {
    const memberId = v7();
    await sql`insert into members (workspace_id, id, nickname) values (${ws.workspaceId}, ${memberId}, ${`会员 ${n}`})`;
    await sql`insert into group_memberships (workspace_id, id, group_id, member_id) values (${ws.workspaceId}, ${v7()}, ${groupId}, ${memberId})`;
  }
  // The destination is a page of this same server, so the redirect can be followed for real.
  const destination = `${baseURL}/api/health?from=post`;
  const postId = v7();
  await sql`insert into posts (workspace_id, id, group_id, scheduled_at, status, channel, category, title, body, due_at)
            values (${ws.workspaceId}, ${postId}, ${groupId}, now() - interval '1 minute', 'due', 'manual', 'activity', '今晚秒杀', ${`今晚 8 点开抢 ${destination} 限量 100 份`}, now())`;

  const operator = await browser.newContext();
  await signIn(operator, ws.operator);
  const page = await operator.newPage();
  await page.goto(`/w/${ws.workspaceId}/calendar/today`);
  const item = page.locator(`#post-${postId}`);
  const tracked = item.getByTestId("tracked-url");
  await expect(tracked).toHaveText(/\/r\/[0-9A-Za-z]{7}$/);
  const trackedUrl = (await tracked.textContent())!;
  const [link] = await sql<{ code: string }[]>`select code from links where workspace_id = ${ws.workspaceId} and post_id = ${postId}`;
  expect(trackedUrl).toBe(`${baseURL}/r/${link!.code}`);
  // The text to copy carries the tracked URL instead of the destination.
  await expect(item.getByText(`今晚 8 点开抢 ${trackedUrl} 限量 100 份`)).toBeVisible();
  await expect(item.getByRole("button", { name: "复制文案(含追踪链接)" })).toBeVisible();

  // Three members open the link in their own browsers: each lands on the destination.
  const visitors = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  for (const visitor of visitors) {
    const tab = await visitor.newPage();
    await tab.goto(trackedUrl);
    await expect(tab).toHaveURL(destination);
    await expect(tab.getByText('"status":"ok"')).toBeVisible();
  }
  // The first of them clicks again: a click, but not a new visitor.
  const again = await visitors[0]!.newPage();
  await again.goto(trackedUrl);
  await expect(again).toHaveURL(destination);

  await page.goto(`/w/${ws.workspaceId}/calendar/posts/${postId}`);
  await expect(page.getByText("点击 4 次,独立访客 3 个")).toBeVisible();
  await expect(page.getByText("发送后记录到达人数。")).toBeVisible();

  // Sent by hand from the to-do list: reach is the group's two members.
  await page.goto(`/w/${ws.workspaceId}/calendar/today`);
  await item.getByRole("button", { name: "标记已发送" }).click();
  await expect(page.locator(`#post-${postId}`)).toHaveCount(0);
  await page.goto(`/w/${ws.workspaceId}/calendar/posts/${postId}`);
  await expect(page.getByText("到达 2 人(发送时记录)")).toBeVisible();

  // An unknown code is a friendly page, not an error.
  const stranger = await visitors[1]!.newPage();
  const missing = await stranger.goto("/r/Zz9Zz9Z");
  expect(missing?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "链接不存在" })).toBeVisible();

  const [counts] = await sql<{ clicks: number; unique: number }[]>`
    select count(*)::int as clicks, count(*) filter (where unique_click)::int as unique from events where workspace_id = ${ws.workspaceId} and kind = 'click'`;
  expect(counts).toEqual({ clicks: 4, unique: 3 });
  await Promise.all([operator, ...visitors].map((c) => c.close()));
});

test("an owner makes the order secret once; a signed order with a link code is stored once and shown credited to its post; a bad signature is refused; viewers read", async ({ browser, playwright, baseURL }) => {
  const ws = await seedWorkspace("orders");
  const groupId = v7();
  const postId = v7();
  await sql`insert into groups (workspace_id, id, name, stage) values (${ws.workspaceId}, ${groupId}, '福利 2 群', 'active')`;
  await sql`insert into posts (workspace_id, id, group_id, scheduled_at, status, channel, category, title, body, sent_at)
            values (${ws.workspaceId}, ${postId}, ${groupId}, now() - interval '1 hour', 'sent', 'manual', 'activity', '周末秒杀', 'x', now())`;
  const linkId = v7();
  const code = `e2e${linkId.slice(-4)}`;
  await sql`insert into links (workspace_id, id, code, post_id, group_id, destination_url) values (${ws.workspaceId}, ${linkId}, ${code}, ${postId}, ${groupId}, 'https://shop.example.com/w')`;
  await sql`insert into public_codes (code, workspace_id, kind, target_id) values (${code}, ${ws.workspaceId}, 'link', ${linkId})`;

  const owner = await browser.newContext();
  await signIn(owner, ws.owner);
  const page = await owner.newPage();
  await page.goto(`/w/${ws.workspaceId}/dashboards/setup`);
  await expect(page.getByTestId("orders-webhook-url")).toHaveText(`${baseURL}/api/webhooks/orders`);
  await expect(page.getByText("还没有密钥:生成后才能接收订单。")).toBeVisible();
  await page.getByRole("button", { name: "生成密钥" }).click();
  const secretField = page.getByLabel("新的订单密钥(只显示这一次)");
  await expect(secretField).toHaveValue(/^whsec_/);
  const secret = await secretField.inputValue();
  await page.reload();
  await expect(page.getByLabel("新的订单密钥(只显示这一次)")).toHaveCount(0);
  await expect(page.getByText("已设置密钥。出于安全,密钥只在生成时显示一次。")).toBeVisible();

  const api = await playwright.request.newContext({ baseURL });
  const body = JSON.stringify({ type: "order", order_id: "E2E-1", amount: "199.00", occurred_at: new Date().toISOString(), link_code: code });
  const send = (signWith: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac("sha256", signWith).update(`${ts}.${body}`).digest("hex")}`;
    return api.post("/api/webhooks/orders", { data: body, headers: { "content-type": "application/json", "x-qunyun-workspace": ws.workspaceId, "x-qunyun-timestamp": ts, "x-qunyun-signature": signature } });
  };
  expect((await send("whsec_not-the-secret")).status()).toBe(401);
  expect((await send(secret)).status()).toBe(201);
  expect((await send(secret)).status()).toBe(200);
  await api.dispose();

  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const view = await viewer.newPage();
  await view.goto(`/w/${ws.workspaceId}/dashboards/orders`);
  const row = view.getByRole("row", { name: /E2E-1/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("链接码")).toBeVisible();
  await expect(row.getByRole("link", { name: "周末秒杀 · 福利 2 群" })).toBeVisible();
  await expect(view.getByTestId("order-totals")).toContainText("1 笔订单");
  await expect(view.getByRole("button", { name: "导入订单" })).toHaveCount(0);
  await view.goto(`/w/${ws.workspaceId}/dashboards/setup`);
  await expect(view.getByText("只有所有者可以修改这些设置。")).toBeVisible();
  await expect(view.getByRole("button", { name: "更换密钥" })).toHaveCount(0);
  await Promise.all([owner.close(), viewer.close()]);
});
