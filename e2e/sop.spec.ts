import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { callAction, seedWorkspace, signIn, sql } from "./fixtures";

const shanghaiDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

test("the restaurant starter applied to two groups for a week makes 42 posts; its XLSX and Markdown export, and the XLSX imports back unchanged", async ({ browser }) => {
  const ws = await seedWorkspace("sop");
  const [g1, g2] = [v7(), v7()];
  await sql`insert into groups (workspace_id, id, name, stage) values (${ws.workspaceId}, ${g1}, '午市熟客 1 群', 'active'), (${ws.workspaceId}, ${g2}, '午市熟客 2 群', 'active')`;
  const context = await browser.newContext({ acceptDownloads: true });
  await signIn(context, ws.operator);
  const page = await context.newPage();

  await page.goto(`/w/${ws.workspaceId}/calendar/templates`);
  await page.getByRole("button", { name: "添加示例「餐饮 · 每日三发」" }).click();
  await expect(page).toHaveURL(/\/calendar\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "餐饮 · 每日三发" })).toBeVisible();
  await expect(page.getByTestId("sop-step")).toHaveCount(3);
  const templateUrl = new URL(page.url()).pathname;
  const templateId = templateUrl.split("/").at(-1)!;

  // Steps out of order are refused next to the offending step.
  await page.getByLabel("第 3 步的时间").fill("10:00");
  await page.getByRole("button", { name: "保存模板" }).click();
  await expect(page.getByTestId("sop-step").nth(2).getByText("这一步比上一步早")).toBeVisible();
  await page.getByLabel("第 3 步的时间").fill("18:00");
  await page.getByRole("button", { name: "保存模板" }).click();
  await expect(page.getByText("已保存为版本 2。")).toBeVisible();

  await page.getByRole("link", { name: "应用到社群" }).click();
  await page.getByLabel("午市熟客 1 群").check();
  await page.getByLabel("午市熟客 2 群").check();
  await page.getByLabel("开始日期(第一天)").fill(shanghaiDay(1));
  await page.getByLabel("结束日期(含这一天)").fill(shanghaiDay(7));
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("sop-preview-total")).toHaveText("将为 2 个群生成 42 篇帖子");
  await page.getByRole("button", { name: "确认生成 42 篇帖子" }).click();
  await expect(page.getByText("已生成 42 篇帖子。")).toBeVisible();
  const [scheduled] = await sql<{ n: number }[]>`select count(*)::int as n from posts where workspace_id = ${ws.workspaceId} and status = 'scheduled'`;
  expect(scheduled?.n).toBe(42);
  const times = await sql<{ t: string }[]>`select distinct to_char(scheduled_at at time zone 'Asia/Shanghai', 'HH24:MI') as t from posts where workspace_id = ${ws.workspaceId} order by 1`;
  expect(times.map((r) => r.t)).toEqual(["11:00", "12:00", "18:00"]);

  // Export as Excel and Markdown.
  await page.goto(templateUrl);
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Excel" }).click();
  const xlsxPath = await (await xlsxDownload).path();
  const mdDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Markdown" }).click();
  const markdown = await readFile(await (await mdDownload).path(), "utf8");
  expect(markdown).toContain("# 餐饮 · 每日三发");
  expect(markdown).toContain("| 时间 | 内容 | 负责人 | 备注 | 分类 |");
  expect(markdown).toContain("| 每天 11:00 |");

  // Import the XLSX back: a new template with the same steps.
  await page.goto(`/w/${ws.workspaceId}/calendar/templates/import`);
  await page.getByLabel("选择文件").setInputFiles({ name: "餐饮.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await readFile(xlsxPath) });
  await expect(page.getByTestId("sop-import-summary")).toHaveText("「餐饮 · 每日三发」,共 3 步");
  await page.getByRole("button", { name: "创建为新模板" }).click();
  await expect(page.getByRole("heading", { name: "餐饮 · 每日三发 (2)" })).toBeVisible();
  const steps = await sql<{ template_id: string; sig: string }[]>`
    select template_id, string_agg(concat_ws('|', timing, time_of_day, title, inline_text, category, owner_role, notes), E'\n' order by position) as sig
    from sop_steps where workspace_id = ${ws.workspaceId} group by template_id`;
  expect(steps).toHaveLength(2);
  expect(steps[0]!.sig).toBe(steps[1]!.sig);

  // A viewer's hand-made call to the apply action is refused by the action itself.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const answer = await callAction(viewer.request, templateUrl, "applyRunAction", [ws.workspaceId, null, { templateId, templateVersion: 2, groupIds: [g1], startDate: shanghaiDay(1), endDate: shanghaiDay(2), channel: "manual" }]);
  expect(answer).toContain("errors.forbidden");
  const [total] = await sql<{ n: number }[]>`select count(*)::int as n from posts where workspace_id = ${ws.workspaceId}`;
  expect(total?.n).toBe(42);
});
