import { expect, test } from "@playwright/test";
import { v7 } from "uuid";
import { seedWorkspace, signIn, sql } from "./fixtures";

const NIL = "00000000-0000-0000-0000-000000000000";
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

test("an A/B test says not enough data, then gives a result once reach comes in; a winner is declared and a cost shows the ROI", async ({ browser }) => {
  const ws = await seedWorkspace("abtest");
  const [item, red, yellow, g1, g2] = [v7(), v7(), v7(), v7(), v7()];
  await sql`insert into content_items (workspace_id, id, title, category) values (${ws.workspaceId}, ${item}, '新品海报', 'product')`;
  await sql`insert into content_variants (workspace_id, item_id, id, label, position, body) values (${ws.workspaceId}, ${item}, ${red}, '红色海报', 0, '红色'), (${ws.workspaceId}, ${item}, ${yellow}, '黄色海报', 1, '黄色')`;
  await sql`insert into groups (workspace_id, id, name, stage) values (${ws.workspaceId}, ${g1}, '咖啡 1 群', 'active'), (${ws.workspaceId}, ${g2}, '咖啡 2 群', 'active')`;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  await sql`insert into posts (workspace_id, id, group_id, scheduled_at, status, category, content_item_id) values
    (${ws.workspaceId}, ${v7()}, ${g1}, ${tomorrow}, 'scheduled', 'product', ${item}),
    (${ws.workspaceId}, ${v7()}, ${g2}, ${tomorrow}, 'scheduled', 'product', ${item})`;

  const context = await browser.newContext();
  await signIn(context, ws.operator);
  const page = await context.newPage();
  page.on("dialog", (d) => void d.accept());

  await page.goto(`/w/${ws.workspaceId}/dashboards/experiments/new`);
  await page.getByLabel("测试名称").fill("海报颜色");
  await page.getByLabel("内容", { exact: true }).selectOption({ label: "新品海报" });
  await expect(page.getByLabel("版本 A")).toHaveValue(red);
  await page.getByLabel("版本 B").selectOption({ label: "红色海报" });
  await page.getByLabel("咖啡 1 群").check();
  await page.getByLabel("咖啡 2 群").check();
  await page.getByRole("button", { name: "开始测试" }).click();
  // The same variant twice is refused next to the field.
  await expect(page.getByText("A 和 B 要选两个不同的版本。")).toBeVisible();
  await page.getByLabel("版本 B").selectOption({ label: "黄色海报" });
  await page.getByRole("button", { name: "开始测试" }).click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/数据还不够/)).toBeVisible();

  // Each group got one variant, and its waiting post now carries it.
  const experimentId = page.url().split("/").pop()!;
  const assignments = await sql<{ group_id: string; variant_id: string }[]>`select group_id, variant_id from experiment_assignments where experiment_id = ${experimentId}`;
  expect(new Set(assignments.map((a) => a.variant_id))).toEqual(new Set([red, yellow]));
  const postVariants = await sql<{ group_id: string; variant_id: string }[]>`select group_id, variant_id from posts where workspace_id = ${ws.workspaceId}`;
  for (const p of postVariants) expect(p.variant_id).toBe(assignments.find((a) => a.group_id === p.group_id)!.variant_id);

  // The rollups come in (as the worker would write them): 1,000 reach each, 200 vs 250 clicks.
  const groupOf = (variant: string) => assignments.find((a) => a.variant_id === variant)!.group_id;
  await sql`insert into daily_rollups (workspace_id, day, post_id, group_id, variant_id, reach, clicks, unique_clicks, orders, revenue_cents) values
    (${ws.workspaceId}, ${shanghaiToday()}, ${NIL}, ${groupOf(red)}, ${red}, 1000, 230, 200, 10, 50000),
    (${ws.workspaceId}, ${shanghaiToday()}, ${NIL}, ${groupOf(yellow)}, ${yellow}, 1000, 280, 250, 20, 100000)`;
  await page.reload();
  await expect(page.getByText("「黄色海报」很可能更好:它的点击率高于「红色海报」的概率是 99.6%。")).toBeVisible();
  await expect(page.getByText(/双比例 z 检验:z = 2\.68,p = 0\.007/)).toBeVisible();
  await expect(page.getByRole("row", { name: /B · 黄色海报/ })).toContainText("25.0%");

  await page.getByRole("button", { name: "把「黄色海报」定为胜出版本" }).click();
  await expect(page.getByText("胜出版本:黄色海报")).toBeVisible();
  await expect(page.getByText("已定胜出")).toBeVisible();

  // ROI: ¥1,500 of revenue against a ¥500 coupon cost.
  await page.goto(`/w/${ws.workspaceId}/dashboards/roi`);
  await page.getByLabel("金额(元)").fill("12.345");
  await page.getByRole("button", { name: "记一笔成本" }).click();
  await expect(page.getByText("请输入大于 0 的金额,最多两位小数,例如 120.50。")).toBeVisible();
  await page.getByLabel("金额(元)").fill("500");
  await page.getByLabel("备注").fill("满减券");
  await page.getByRole("button", { name: "记一笔成本" }).click();
  await expect(page.getByText("成本合计:¥500.00")).toBeVisible();
  await expect(page.getByTestId("roi-total")).toHaveText("3.00");
  await context.close();

  // A viewer reads the result and the ROI but gets no buttons to change them.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const view = await viewer.newPage();
  await view.goto(`/w/${ws.workspaceId}/dashboards/experiments/${experimentId}`);
  await expect(view.getByText("胜出版本:黄色海报")).toBeVisible();
  await expect(view.getByRole("button", { name: /定为胜出/ })).toHaveCount(0);
  await view.goto(`/w/${ws.workspaceId}/dashboards/roi`);
  await expect(view.getByTestId("roi-total")).toHaveText("3.00");
  await expect(view.getByRole("button", { name: "记一笔成本" })).toHaveCount(0);
  await viewer.close();
});
