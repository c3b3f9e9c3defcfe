import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { seedWorkspace, signIn, sql } from "./fixtures";

test("a content item with two variants is previewed and found by search; a column fills a week for a group, once", async ({ browser }) => {
  const ws = await seedWorkspace("content");
  const groupId = v7();
  await sql`insert into groups (workspace_id, id, name, community_type, stage) values (${ws.workspaceId}, ${groupId}, '新品引流 1 群', 'traffic', 'active')`;
  const operator = await browser.newContext();
  await signIn(operator, ws.operator);
  const page = await operator.newPage();
  const base = `/w/${ws.workspaceId}/calendar`;

  await page.goto(`${base}/content/new`);
  await page.getByLabel("标题").fill("周一新品预告");
  await page.getByLabel("分类").selectOption({ label: "活动" });
  await page.getByLabel("标签").fill("新品, 周一");
  // Past WeChat's limit the counter turns and the save is refused next to the field.
  await page.getByLabel("第 1 个变体的文案").fill("字".repeat(4001));
  await expect(page.getByText("4001 / 4000 字")).toBeVisible();
  await page.getByRole("button", { name: "创建内容" }).click();
  await expect(page.getByText("文字不能超过 4000 字(微信的上限)。")).toBeVisible();
  const red = "红色海报:今晚 8 点新品上架,群内专享 9 折";
  await page.getByLabel("第 1 个变体的文案").fill(red);
  await expect(page.getByText(`${[...red].length} / 4000 字`)).toBeVisible();
  await page.getByRole("button", { name: "添加变体" }).click();
  await page.getByLabel("第 2 个变体的文案").fill("黄色海报:今晚 8 点新品上架,先到先得");
  const phone = page.getByRole("figure", { name: "变体 B 在微信群里的样子" });
  await expect(phone.getByTestId("phone-bubble")).toHaveText("黄色海报:今晚 8 点新品上架,先到先得");
  await page.getByRole("button", { name: "预览 A" }).click();
  await expect(page.getByRole("figure", { name: "变体 A 在微信群里的样子" }).getByTestId("phone-bubble")).toHaveText(red);
  await page.getByRole("button", { name: "创建内容" }).click();
  await expect(page).toHaveURL(/\/calendar\/content\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "周一新品预告" })).toBeVisible();

  // Found by a word of variant B's copy, and by its tag; not by a word it does not contain.
  await page.goto(`${base}/content`);
  await page.getByLabel("搜索标题、文案、标签").fill("黄色海报");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("link", { name: "周一新品预告" })).toBeVisible();
  await expect(page.getByText("变体 A / B")).toBeVisible();
  await page.getByLabel("搜索标题、文案、标签").fill("直播");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText("没有符合条件的内容。")).toBeVisible();

  // A column for traffic groups, Mondays at 20:00, with the item as its default content.
  await page.goto(`${base}/columns`);
  await page.getByLabel("栏目名称", { exact: true }).fill("新品预告");
  await page.getByLabel("内容分类", { exact: true }).selectOption({ label: "活动" });
  await page.getByLabel("适用于", { exact: true }).selectOption({ label: "引流群" });
  await page.getByLabel("星期", { exact: true }).selectOption({ label: "周一" });
  await page.getByLabel("时间", { exact: true }).fill("20:00");
  await page.getByLabel("默认内容", { exact: true }).selectOption({ label: "周一新品预告" });
  await page.getByRole("button", { name: "创建栏目" }).click();
  await expect(page.getByText("栏目已创建。")).toBeVisible();
  const rhythm = page.getByRole("table", { name: "群类型:引流群 的每周节奏" });
  await expect(rhythm.getByRole("cell").first()).toHaveText("20:00 新品预告");
  await expect(rhythm.getByRole("cell").nth(1)).toHaveText("");

  // Fill next week (the form's default range) for the group; a second fill creates nothing.
  await page.getByLabel("新品引流 1 群").check();
  await page.getByRole("button", { name: "填充日历" }).click();
  await expect(page.getByText("已新建 1 条排期,跳过 0 条已排好的。")).toBeVisible();
  await page.getByRole("button", { name: "填充日历" }).click();
  await expect(page.getByText("已新建 0 条排期,跳过 1 条已排好的。")).toBeVisible();
  const posts = await sql<{ title: string; time: string; dow: number }[]>`
    select title, to_char(scheduled_at at time zone 'Asia/Shanghai', 'HH24:MI') as time, extract(isodow from scheduled_at at time zone 'Asia/Shanghai')::int as dow
    from posts where workspace_id = ${ws.workspaceId} and group_id = ${groupId}`;
  expect(posts).toEqual([{ title: "周一新品预告", time: "20:00", dow: 1 }]);

  // A viewer sees the item read-only, with both variants' previews and no save button.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const viewerPage = await viewer.newPage();
  const [item] = await sql<{ id: string }[]>`select id from content_items where workspace_id = ${ws.workspaceId}`;
  await viewerPage.goto(`${base}/content/${item!.id}`);
  await expect(viewerPage.getByRole("figure", { name: "变体 B 在微信群里的样子" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "保存内容" })).toHaveCount(0);
  await viewer.close();
  await operator.close();
});
