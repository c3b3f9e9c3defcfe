import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { seedWorkspace, signIn, sql } from "./fixtures";

async function groupWithMembers(workspaceId: string, name: string, members: number) {
  const id = v7();
  await sql`insert into groups (workspace_id, id, name, stage) values (${workspaceId}, ${id}, ${name}, 'active')`;
  for (let n = 1; n <= members; n++) {
    const memberId = v7();
    await sql`insert into members (workspace_id, id, nickname) values (${workspaceId}, ${memberId}, ${`${name} 会员 ${n}`})`;
    await sql`insert into group_memberships (workspace_id, id, group_id, member_id) values (${workspaceId}, ${v7()}, ${id}, ${memberId})`;
  }
  return id;
}

test("a post with a link goes to two groups, three visitors click, a signed order comes in (and a duplicate, and a forgery), and the funnel shows exactly that", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const ws = await seedWorkspace("data-flow");
  const g1 = await groupWithMembers(ws.workspaceId, "东门店福利群", 2);
  const g2 = await groupWithMembers(ws.workspaceId, "西门店福利群", 3);
  const destination = `${baseURL}/api/health?from=flash-sale`;
  const postIds = [v7(), v7()];
  for (const [i, groupId] of [g1, g2].entries()) {
    await sql`insert into posts (workspace_id, id, group_id, scheduled_at, status, channel, category, title, body, owner_user_id, due_at)
              values (${ws.workspaceId}, ${postIds[i]!}, ${groupId}, now() - interval '1 minute', 'due', 'manual', 'activity', ${`周末秒杀 ${i + 1}`},
                      ${`周六 10 点开抢 ${destination}`}, ${ws.operator.id}, now())`;
  }

  // The operator sends both from the to-do list (copying the text with its tracked link).
  const operator = await browser.newContext();
  await signIn(operator, ws.operator);
  const page = await operator.newPage();
  await page.goto(`/w/${ws.workspaceId}/calendar/today`);
  const first = page.locator(`#post-${postIds[0]}`);
  await expect(first.getByTestId("tracked-url")).toHaveText(/\/r\/[0-9A-Za-z]{7}$/);
  const trackedUrl = (await first.getByTestId("tracked-url").textContent())!;
  for (const id of postIds) {
    await page.locator(`#post-${id}`).getByRole("button", { name: "标记已发送" }).click();
    await expect(page.locator(`#post-${id}`)).toHaveCount(0);
  }

  // Three members of the first group open the link.
  const visitors = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  for (const visitor of visitors) {
    const tab = await visitor.newPage();
    await tab.goto(trackedUrl);
    await expect(tab).toHaveURL(destination);
  }

  // The store's system posts orders: a forged one, a real one, and the real one again.
  const owner = await browser.newContext();
  await signIn(owner, ws.owner);
  const setup = await owner.newPage();
  await setup.goto(`/w/${ws.workspaceId}/dashboards/setup`);
  await setup.getByRole("button", { name: "生成密钥" }).click();
  const secret = await setup.getByLabel("新的订单密钥(只显示这一次)").inputValue();
  const code = trackedUrl.split("/").at(-1)!;
  const api = await playwright.request.newContext({ baseURL });
  const post = (body: string, key: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac("sha256", key).update(`${ts}.${body}`).digest("hex")}`;
    return api.post("/api/webhooks/orders", { data: body, headers: { "content-type": "application/json", "x-qunyun-workspace": ws.workspaceId, "x-qunyun-timestamp": ts, "x-qunyun-signature": signature } });
  };
  const order = JSON.stringify({ type: "order", order_id: "FLOW-1", amount: "199.00", occurred_at: new Date().toISOString(), link_code: code });
  const forged = JSON.stringify({ type: "order", order_id: "FLOW-2", amount: "999.00", occurred_at: new Date().toISOString(), link_code: code });
  expect((await post(forged, "whsec_guessed")).status()).toBe(401);
  expect((await post(order, secret)).status()).toBe(201);
  expect((await post(order, secret)).status()).toBe(200);
  await api.dispose();

  // The funnel: reach 2 + 3, three people clicked, one order of ¥199 (the worker rolls up within seconds).
  await setup.goto(`/w/${ws.workspaceId}/dashboards/funnel`);
  const totals = setup.locator("#funnel-totals-title").locator("..");
  await expect(async () => {
    await setup.reload();
    await expect(totals.locator('[data-step="orders"]')).toContainText("1", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(totals.locator('[data-step="reach"]')).toContainText("5");
  await expect(totals.locator('[data-step="uniqueClicks"]')).toContainText("3");
  await expect(totals.locator('[data-step="uniqueClicks"]')).toContainText("点击率 60%");
  await expect(totals.locator('[data-step="orders"]')).toContainText("支付率 33%");
  await expect(totals.locator('[data-figure="netRevenue"]')).toHaveText("¥199");
  const breakdown = setup.locator("#funnel-breakdown-title").locator("..");
  await expect(breakdown.getByRole("row", { name: /东门店福利群/ })).toContainText("¥199");

  // A viewer (the store owner's partner) lands on the overview.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const view = await viewer.newPage();
  await view.goto("/");
  await expect(view).toHaveURL(new RegExp(`/w/${ws.workspaceId}/dashboards$`));
  await expect(view.locator('[data-big="revenue"]')).toContainText("¥199");
  await Promise.all([operator, owner, viewer, ...visitors].map((c) => c.close()));
});
