import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { seedWorkspace, signIn, sql } from "./fixtures";

const TZ = "Asia/Shanghai";
const shanghaiDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Monday two weeks from now (Shanghai), so every seeded post is in the future. */
function mondayAhead(): string {
  const d = shanghaiDay(14);
  const weekday = (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(d, -weekday);
}

async function seedGroup(workspaceId: string, name: string, communityType: string | null = null) {
  const id = v7();
  await sql`insert into groups (workspace_id, id, name, stage, community_type) values (${workspaceId}, ${id}, ${name}, 'active', ${communityType})`;
  return id;
}

async function seedPost(workspaceId: string, groupId: string, p: { day: string; time: string; title: string; category?: string; status?: string; owner?: string | null }) {
  const id = v7();
  await sql`
    insert into posts (workspace_id, id, group_id, scheduled_at, status, category, title, body, owner_user_id)
    values (${workspaceId}, ${id}, ${groupId}, (${`${p.day} ${p.time}`}::timestamp at time zone ${TZ}), ${p.status ?? "scheduled"}::post_status,
            ${p.category ?? "values"}::content_category, ${p.title}, ${`${p.title} 的正文`}, ${p.owner ?? null})`;
  return id;
}

test("the week view shows posts; a post is dragged and moved by keyboard, and stays moved after a reload", async ({ browser }) => {
  const ws = await seedWorkspace("cal-move");
  const monday = mondayAhead();
  const groupId = await seedGroup(ws.workspaceId, "午市福利群");
  const menu = await seedPost(ws.workspaceId, groupId, { day: monday, time: "11:00", title: "今日菜单", category: "product" });
  const flash = await seedPost(ws.workspaceId, groupId, { day: monday, time: "18:00", title: "明日限量秒杀", category: "activity" });
  const context = await browser.newContext();
  await signIn(context, ws.operator);
  const page = await context.newPage();
  await page.goto(`/w/${ws.workspaceId}/calendar?view=week&date=${monday}`);
  await expect(page.getByRole("link", { name: /11:00 午市福利群 今日菜单/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /18:00 午市福利群 明日限量秒杀/ })).toBeVisible();

  // Drag the menu post to Wednesday, 11:00 slot.
  const wednesday = addDays(monday, 2);
  await page.locator(`[data-post-id="${menu}"]`).dragTo(page.getByRole("gridcell", { name: `放到 ${wednesday} 11:00` }));
  await expect(page.getByText(`已改到 ${wednesday} 11:00。`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("gridcell", { name: `放到 ${wednesday} 11:00` }).getByRole("link", { name: /今日菜单/ })).toBeVisible();
  await expect(page.getByRole("gridcell", { name: `放到 ${monday} 11:00` }).getByRole("link", { name: /今日菜单/ })).toHaveCount(0);

  // The keyboard way: Tab to the post's move button, enter a new day and time.
  const moveButton = page.getByRole("button", { name: "移动「18:00 午市福利群 明日限量秒杀」" });
  await moveButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "移动帖子" });
  await dialog.getByLabel("日期").fill(addDays(monday, 4));
  await dialog.getByLabel("时间(HH:mm)").fill("19:30");
  await dialog.getByRole("button", { name: "移动到这个时间" }).click();
  await expect(page.getByText(`已改到 ${addDays(monday, 4)} 19:30。`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("gridcell", { name: `放到 ${addDays(monday, 4)} 19:00` }).getByRole("link", { name: /19:30 午市福利群 明日限量秒杀/ })).toBeVisible();
  const [row] = await sql<{ version: number }[]>`select version from posts where workspace_id = ${ws.workspaceId} and id = ${flash}`;
  expect(row?.version).toBe(2);

  // Viewers see the calendar without anything to drag or move.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const vpage = await viewer.newPage();
  await vpage.goto(`/w/${ws.workspaceId}/calendar?view=week&date=${monday}`);
  await expect(vpage.getByRole("link", { name: /今日菜单/ })).toBeVisible();
  await expect(vpage.getByRole("button", { name: /^移动「/ })).toHaveCount(0);
  await context.close();
  await viewer.close();
});

test("the mix check warns when a selling group's activity posts are cancelled", async ({ browser }) => {
  const ws = await seedWorkspace("cal-mix");
  const monday = mondayAhead();
  const groupId = await seedGroup(ws.workspaceId, "转化福利群", "conversion");
  const categories = ["activity", "activity", "activity", "values", "interaction", "product"];
  const ids: string[] = [];
  for (const [i, category] of categories.entries()) ids.push(await seedPost(ws.workspaceId, groupId, { day: addDays(monday, i), time: "12:00", title: `第 ${i + 1} 天`, category }));
  const context = await browser.newContext();
  await signIn(context, ws.operator);
  const page = await context.newPage();
  await page.goto(`/w/${ws.workspaceId}/calendar?view=week&date=${monday}`);
  await expect(page.getByText("当前视图没有需要注意的地方。")).toBeVisible();

  // Cancel two activity posts from their page: 1 of 4 left is activity.
  for (const id of ids.slice(0, 2)) {
    await page.goto(`/w/${ws.workspaceId}/calendar/posts/${id}`);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "取消这条帖子" }).click();
    await expect(page.getByText("这条帖子已取消,只能查看。")).toBeVisible();
  }
  await page.goto(`/w/${ws.workspaceId}/calendar?view=week&date=${monday}`);
  const checks = page.getByRole("region", { name: "排期检查" });
  await expect(checks.getByText("卖货群活动内容不足")).toBeVisible();
  await expect(checks.getByText(`转化福利群 · ${monday} 这一周:活动类占 25%,低于 50%`)).toBeVisible();
  await context.close();
});

test("a due post is on the operator's to-do list with its notification, and is marked sent", async ({ browser }) => {
  const ws = await seedWorkspace("cal-today");
  const groupId = await seedGroup(ws.workspaceId, "晚市福利群");
  const today = shanghaiDay(0);
  const due = await seedPost(ws.workspaceId, groupId, { day: today, time: "00:05", title: "今晚特价菜", status: "due", owner: ws.operator.id, category: "activity" });
  await seedPost(ws.workspaceId, groupId, { day: today, time: "00:06", title: "别人的帖子", status: "due", owner: ws.owner.id });
  await sql`insert into notifications (workspace_id, id, user_id, kind, post_id) values (${ws.workspaceId}, ${v7()}, ${ws.operator.id}, 'post_due', ${due})`;
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(context, ws.operator);
  const page = await context.newPage();
  await page.goto(`/w/${ws.workspaceId}/calendar/today`);
  await expect(page.getByRole("link", { name: "内容日历 1 条未读通知" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "今晚特价菜" }) });
  await expect(item).toBeVisible();
  await expect(page.getByRole("heading", { name: "别人的帖子" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "到点了:今晚特价菜(晚市福利群)" })).toBeVisible();
  await item.getByRole("button", { name: "复制文案" }).click();
  await expect(item.getByRole("button", { name: "已复制" })).toBeVisible();
  await item.getByRole("button", { name: "标记已发送" }).click();
  await expect(page.getByRole("heading", { name: "今晚特价菜" })).toHaveCount(0);
  await expect(page.getByText("今天没有待发的帖子。")).toBeVisible();
  const [row] = await sql<{ status: string; sent_at: Date | null }[]>`select status, sent_at from posts where workspace_id = ${ws.workspaceId} and id = ${due}`;
  expect(row?.status).toBe("sent");
  expect(row?.sent_at).not.toBeNull();
  await expect(page.getByRole("link", { name: "内容日历", exact: true })).toBeVisible();
  await context.close();
});
