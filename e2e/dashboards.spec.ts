import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { seedWorkspace, signIn, sql } from "./fixtures";

/**
 * Events written straight into the database (as the redirect and the order webhook write them),
 * then the dashboards: the worker in the web process rolls them up within seconds.
 */
async function seedFunnel(workspaceId: string, ownerId: string) {
  const [g1, g2, p1, p2, link] = [v7(), v7(), v7(), v7(), v7()];
  const sentAt = new Date(Date.now() - 3 * 3600_000);
  const later = new Date(Date.now() - 2 * 3600_000);
  await sql`insert into groups (workspace_id, id, name, stage) values (${workspaceId}, ${g1}, '看板一群', 'active'), (${workspaceId}, ${g2}, '看板二群', 'active')`;
  for (const [post, group] of [[p1, g1], [p2, g2]] as const) {
    await sql`insert into posts (workspace_id, id, group_id, scheduled_at, sent_at, status, category, title, created_by, reach_count)
      values (${workspaceId}, ${post}, ${group}, ${sentAt}, ${sentAt}, 'sent', 'product', '周末草莓团购', ${ownerId}, ${group === g1 ? 300 : 200})`;
    await sql`insert into post_history (workspace_id, post_id, id, to_status, actor_user_id) values (${workspaceId}, ${post}, ${v7()}, 'sent', ${ownerId})`;
  }
  const ev = (kind: string, post: string, group: string, extra: { amount?: number; unique?: boolean; visitor?: string } = {}) => ({
    workspace_id: workspaceId,
    id: v7(),
    kind,
    occurred_at: kind === "reach" ? sentAt : later,
    post_id: post,
    group_id: group,
    link_id: kind === "click" ? link : null,
    amount_cents: extra.amount ?? null,
    unique_click: extra.unique ?? null,
    visitor_key: extra.visitor ?? null,
    idempotency_key: `${kind}:${v7()}`,
  });
  await sql`insert into events ${sql([
    ev("reach", p1, g1, { amount: 300 }),
    ev("reach", p2, g2, { amount: 200 }),
    ev("click", p1, g1, { unique: true, visitor: "a" }),
    ev("click", p1, g1, { unique: false, visitor: "a" }),
    ev("click", p1, g1, { unique: true, visitor: "b" }),
    ev("click", p2, g2, { unique: true, visitor: "c" }),
    ev("order", p1, g1, { amount: 9900 }),
    ev("order", p2, g2, { amount: 5000 }),
    ev("refund", p2, g2, { amount: 5000 }),
  ])}`;
}

test("seeded events reach the funnel through the worker; tables export as CSV; a viewer lands on the owner overview", async ({ browser }) => {
  // The rollup horizon waits for the oldest running transaction on the server, so a long one
  // elsewhere (an import) delays the figures: allow for that.
  test.setTimeout(120_000);
  const ws = await seedWorkspace("dash");
  const owner = await browser.newContext({ acceptDownloads: true });
  await signIn(owner, ws.owner);
  const page = await owner.newPage();
  await page.goto(`/w/${ws.workspaceId}/dashboards/funnel`);
  await expect(page.getByRole("heading", { name: "还没有可以统计的数据" })).toBeVisible();

  await seedFunnel(ws.workspaceId, ws.owner.id);
  // The rollup tick runs every few seconds: reload until the figures are there.
  const totals = page.locator("#funnel-totals-title").locator("..");
  await expect(async () => {
    await page.reload();
    await expect(totals.locator('[data-step="reach"]')).toContainText("500", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(totals.locator('[data-step="uniqueClicks"]')).toContainText("3");
  await expect(totals.locator('[data-step="uniqueClicks"]')).toContainText("点击率 0.6%");
  await expect(totals.locator('[data-step="orders"]')).toContainText("2");
  await expect(totals.locator('[data-step="orders"]')).toContainText("支付率 67%");
  await expect(totals.locator('[data-figure="netRevenue"]')).toHaveText("¥99");
  await expect(page.getByRole("heading", { name: "还没有可以统计的数据" })).toHaveCount(0);

  // The breakdown by group, and its CSV.
  const breakdown = page.locator("#funnel-breakdown-title").locator("..");
  await expect(breakdown.getByRole("row", { name: /看板一群/ })).toContainText("¥99");
  const [csv] = await Promise.all([page.waitForEvent("download"), breakdown.getByRole("link", { name: "导出 CSV" }).click()]);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain("看板一群");
  expect(text.split("\r\n")[0]).toContain("触达人数");

  // The owner can check the rollups against the raw events.
  await page.goto(`/w/${ws.workspaceId}/dashboards`);
  await page.getByRole("button", { name: "核对" }).click();
  await expect(page.getByRole("status")).toContainText("汇总与原始事件一致");

  // A viewer signing in lands on the owner overview, with no check to run.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const vpage = await viewer.newPage();
  await vpage.goto("/");
  await expect(vpage).toHaveURL(new RegExp(`/w/${ws.workspaceId}/dashboards$`));
  await expect(vpage.getByRole("heading", { name: "经营概览" })).toBeVisible();
  await expect(vpage.locator('[data-big="reach"]')).toContainText("500");
  await expect(vpage.locator('[data-big="revenue"]')).toContainText("¥99");
  await expect(vpage.getByRole("button", { name: "核对" })).toHaveCount(0);
  await expect(vpage.getByRole("table", { name: "最好的 3 个社群" })).toContainText("看板一群");
  await viewer.close();
  await owner.close();
});
