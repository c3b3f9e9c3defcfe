import { expect, test } from "@playwright/test";
import { seedWorkspace, signIn } from "./fixtures";

test("an operator takes a restaurant starter to 100%, compares versions and prints; a viewer reads; others get not-found", async ({ browser }) => {
  const ws = await seedWorkspace("plan");
  const stranger = await seedWorkspace("plan-stranger");

  const operator = await browser.newContext();
  await signIn(operator, ws.operator);
  const page = await operator.newPage();
  await page.goto(`/w/${ws.workspaceId}/positioning`);
  await page.getByLabel("方案名称").fill("午市熟客复购群");
  await page.getByLabel("从示例开始").selectOption("restaurant");
  await page.getByRole("button", { name: "创建方案" }).click();
  await expect(page).toHaveURL(/\/positioning\/[0-9a-f-]{36}$/);
  const planUrl = new URL(page.url()).pathname;
  await expect(page.getByText("示例内容,请按实际情况修改")).toBeVisible();
  const score = page.getByTestId("completeness");
  await expect(score).toHaveText(/^完整度 9\d%$/);

  await page.getByRole("tab", { name: /5W1H/ }).click();
  await expect(page.getByText("待填写:When 建群日期")).toBeVisible();
  await page.getByLabel("When 建群日期").fill("2026-12-01");
  await page.getByLabel("Why 为什么建这个群").fill("晚市空座多,老顾客没有被持续触达");
  await expect(page.getByText("本页已填完")).toBeVisible();

  await page.getByRole("tab", { name: /五要素/ }).click();
  await page.getByLabel("地区").fill("杭州西湖区、滨江区");
  await expect(score).toHaveText("完整度 100%");

  // Leaving with unsaved changes asks first.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("link", { name: "版本历史" }).click();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));

  await page.getByRole("button", { name: "保存定位" }).click();
  await expect(page.getByText("已保存为第 2 版")).toBeVisible();
  await page.getByLabel("对用户的价值").fill("每天先看到菜单和群专享价");
  await page.getByRole("button", { name: "保存定位" }).click();
  await expect(page.getByText("已保存为第 3 版")).toBeVisible();

  await page.getByRole("link", { name: "版本历史" }).click();
  await page.getByLabel("版本 A").selectOption("1");
  await page.getByLabel("版本 B").selectOption("3");
  await page.getByRole("button", { name: "对比" }).click();
  const buildDate = page.getByRole("row", { name: /When 建群日期/ });
  await expect(buildDate).toHaveAttribute("data-changed", "true");
  await expect(buildDate).toContainText("2026-12-01");
  await expect(page.getByRole("row", { name: /地区/ })).toContainText("杭州西湖区、滨江区");
  await expect(page.getByRole("row", { name: /How 怎么赚钱/ })).toHaveCount(0); // unchanged rows are hidden

  await page.goto(`${planUrl}/print`);
  await expect(page.getByRole("heading", { name: "午市熟客复购群" })).toBeVisible();
  await expect(page.locator("header").getByText("为附近上班族和住户提供每日菜单与群专享秒杀")).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(planUrl);
  await expect(viewerPage.getByText("你是只读角色,可以查看方案,不能修改。")).toBeVisible();
  await expect(viewerPage.getByTestId("completeness")).toHaveText("完整度 100%");
  await expect(viewerPage.getByLabel("目标(一句可衡量的话)")).toBeDisabled();
  await expect(viewerPage.getByRole("button", { name: "保存定位" })).toHaveCount(0);

  const outsider = await browser.newContext();
  await signIn(outsider, stranger.owner);
  const outsiderPage = await outsider.newPage();
  const direct = await outsiderPage.goto(planUrl);
  expect(direct?.status()).toBe(404);
  const planId = planUrl.split("/").at(-1);
  const viaOwn = await outsiderPage.goto(`/w/${stranger.workspaceId}/positioning/${planId}`);
  expect(viaOwn?.status()).toBe(404);
  await expect(outsiderPage.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  const exported = await outsiderPage.request.get(`/w/${stranger.workspaceId}/positioning/${planId}/export`);
  expect(exported.status()).toBe(404);
});

test("a second editor is told the plan changed and shown what changed", async ({ browser }) => {
  const ws = await seedWorkspace("plan-conflict");
  const first = await browser.newContext();
  const second = await browser.newContext();
  await signIn(first, ws.operator);
  await signIn(second, ws.owner);
  const a = await first.newPage();
  await a.goto(`/w/${ws.workspaceId}/positioning`);
  await a.getByLabel("方案名称").fill("宝妈转化群");
  await a.getByLabel("从示例开始").selectOption("mother_baby");
  await a.getByRole("button", { name: "创建方案" }).click();
  await expect(a).toHaveURL(/\/positioning\/[0-9a-f-]{36}$/);
  const b = await second.newPage();
  await b.goto(a.url());

  await a.getByLabel("目标(一句可衡量的话)").fill("90 天内转化率 20%");
  await a.getByRole("button", { name: "保存定位" }).click();
  await expect(a.getByText("已保存为第 2 版")).toBeVisible();

  await b.getByLabel("目标(一句可衡量的话)").fill("我的目标");
  await b.getByRole("button", { name: "保存定位" }).click();
  await expect(b.getByText(`这个方案刚被 ${ws.operator.name} 保存为第 2 版`)).toBeVisible();
  await expect(b.getByText("目标(一句可衡量的话): 90 天内转化率 20%")).toBeVisible();
  await b.getByRole("button", { name: "放弃我的修改,载入最新" }).click();
  await expect(b.getByLabel("目标(一句可衡量的话)")).toHaveValue("90 天内转化率 20%");
});

test("the plan exports as Markdown", async ({ context, page }) => {
  const ws = await seedWorkspace("plan-md");
  await signIn(context, ws.viewer);
  await page.goto(`/w/${ws.workspaceId}/positioning`);
  await expect(page.getByText("还没有定位方案")).toBeVisible();
  await expect(page.getByRole("button", { name: "创建方案" })).toHaveCount(0);

  const owner = await page.context().browser()!.newContext();
  await signIn(owner, ws.owner);
  const ownerPage = await owner.newPage();
  await ownerPage.goto(`/w/${ws.workspaceId}/positioning`);
  await ownerPage.getByLabel("方案名称").fill("新品首发会员群");
  await ownerPage.getByLabel("从示例开始").selectOption("apparel");
  await ownerPage.getByRole("button", { name: "创建方案" }).click();
  await expect(ownerPage).toHaveURL(/\/positioning\/[0-9a-f-]{36}$/);

  const md = await page.request.get(`${new URL(ownerPage.url()).pathname}/export`);
  expect(md.status()).toBe(200);
  expect(md.headers()["content-type"]).toContain("text/markdown");
  const text = await md.text();
  expect(text).toContain("# 新品首发会员群");
  expect(text).toContain("## 5W1H");
  expect(text).toContain("- **社群类型**:粉丝群");
});
