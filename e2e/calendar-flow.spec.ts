import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { callAction, seedWorkspace, signIn, sql } from "./fixtures";

const shanghaiDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** A Monday more than a week ahead (Shanghai), so every post of that week is in the future. */
function mondayAhead(): string {
  const d = shanghaiDay(14);
  return addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));
}

test("a manager's week: the restaurant SOP fills two groups' calendar, a post is dragged, the mix check speaks up, and a due post is sent from the to-do list", async ({ browser }) => {
  const ws = await seedWorkspace("cal-flow");
  const [g1, g2] = [v7(), v7()];
  await sql`insert into groups (workspace_id, id, name, stage, community_type)
            values (${ws.workspaceId}, ${g1}, '老街店熟客群', 'active', 'repurchase'), (${ws.workspaceId}, ${g2}, '新区店熟客群', 'active', 'repurchase')`;
  const monday = mondayAhead();
  const context = await browser.newContext();
  await signIn(context, ws.operator);
  const page = await context.newPage();

  // Apply the restaurant starter to both groups for one week.
  await page.goto(`/w/${ws.workspaceId}/calendar/templates`);
  await page.getByRole("button", { name: "添加示例「餐饮 · 每日三发」" }).click();
  await page.getByRole("link", { name: "应用到社群" }).click();
  await page.getByLabel("老街店熟客群").check();
  await page.getByLabel("新区店熟客群").check();
  await page.getByLabel("开始日期(第一天)").fill(monday);
  await page.getByLabel("结束日期(含这一天)").fill(addDays(monday, 6));
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("sop-preview-total")).toHaveText("将为 2 个群生成 42 篇帖子");
  // The starter fits a repurchase group: the preview has no check findings.
  await expect(page.getByRole("region", { name: "日历检查提醒" })).toHaveCount(0);
  await page.getByRole("button", { name: "确认生成 42 篇帖子" }).click();
  await expect(page.getByText("已生成 42 篇帖子。")).toBeVisible();

  // The week view shows all 42.
  await page.goto(`/w/${ws.workspaceId}/calendar?view=week&date=${monday}`);
  await expect(page.locator("[data-post-id]")).toHaveCount(42);
  await expect(page.getByText("当前视图没有需要注意的地方。")).toBeVisible();

  // Drag the old-street group's Monday 12:00 post to 15:00 the same day.
  const [video] = await sql<{ id: string }[]>`
    select id from posts where workspace_id = ${ws.workspaceId} and group_id = ${g1}
      and scheduled_at = (${`${monday} 12:00`}::timestamp at time zone 'Asia/Shanghai')`;
  await page.locator(`[data-post-id="${video!.id}"]`).dragTo(page.getByRole("gridcell", { name: `放到 ${monday} 15:00` }));
  await expect(page.getByText(`已改到 ${monday} 15:00。`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("gridcell", { name: `放到 ${monday} 15:00` }).locator(`[data-post-id="${video!.id}"]`)).toBeVisible();

  // Remove most of that group's activity posts (the real cancel action): the mix check warns.
  const activity = await sql<{ id: string }[]>`
    select id from posts where workspace_id = ${ws.workspaceId} and group_id = ${g1} and category = 'activity' order by scheduled_at limit 8`;
  for (const { id } of activity) {
    const answer = await callAction(context.request, `/w/${ws.workspaceId}/calendar`, "cancelPostAction", [ws.workspaceId, null, { postId: id }]);
    expect(answer).toContain('"ok":true');
  }
  await page.reload();
  const checks = page.getByRole("region", { name: "排期检查" });
  await expect(checks.getByText("卖货群活动内容不足")).toBeVisible();
  await expect(checks.getByText(`老街店熟客群 · ${monday} 这一周:活动类占 46%,低于 50%`)).toBeVisible();

  // Time passes for one post: the worker makes it due and it lands on the operator's to-do list.
  const [menu] = await sql<{ id: string; title: string }[]>`
    update posts set scheduled_at = now() - interval '1 second'
    where workspace_id = ${ws.workspaceId} and group_id = ${g2}
      and scheduled_at = (${`${monday} 11:00`}::timestamp at time zone 'Asia/Shanghai')
    returning id, title`;
  // The worker's dispatcher ticks every few seconds: wait until it has made the post due.
  await expect
    .poll(async () => (await sql<{ status: string }[]>`select status from posts where workspace_id = ${ws.workspaceId} and id = ${menu!.id}`)[0]?.status, { timeout: 30_000 })
    .toBe("due");
  await page.goto(`/w/${ws.workspaceId}/calendar/today`);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: menu!.title }) });
  await expect(item).toBeVisible();
  await expect(page.getByRole("link", { name: `到点了:${menu!.title}(新区店熟客群)` })).toBeVisible();
  await item.getByRole("button", { name: "标记已发送" }).click();
  await expect(page.getByRole("heading", { name: menu!.title })).toHaveCount(0);
  const [row] = await sql<{ status: string }[]>`select status from posts where workspace_id = ${ws.workspaceId} and id = ${menu!.id}`;
  expect(row?.status).toBe("sent");
  const history = await sql<{ to_status: string }[]>`select to_status from post_history where workspace_id = ${ws.workspaceId} and post_id = ${menu!.id} order by at, id`;
  expect(history.map((h) => h.to_status)).toEqual(["scheduled", "due", "sent"]);
  await context.close();
});
