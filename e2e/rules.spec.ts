import { expect, test } from "@playwright/test";
import { sql, seedWorkspace, signIn } from "./fixtures";
import { v7 } from "uuid";

test("a welcome message with a phone preview and an over-length warning; FAQ, quick replies and the rule tester", async ({ browser }) => {
  const ws = await seedWorkspace("rules");
  const groupId = v7();
  await sql`insert into groups (workspace_id, id, name, stage) values (${ws.workspaceId}, ${groupId}, '宝妈交流 1 群', 'active')`;
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  await signIn(context, ws.operator);
  const page = await context.newPage();

  // Welcome message: the phone shows it as written, and warns when it outgrows one screen.
  await page.goto(`/w/${ws.workspaceId}/groups/${groupId}`);
  await page.getByRole("link", { name: "群规与欢迎语" }).click();
  await page.getByLabel("群服务").fill("每周三晚 8 点育儿师直播答疑");
  await page.getByLabel("不被允许").fill("禁止发广告和二维码,违者移出");
  const bubble = page.getByTestId("phone-bubble");
  await expect(bubble).toContainText("欢迎 小雨 进群!");
  await expect(bubble).toContainText("每周三晚 8 点育儿师直播答疑");
  await expect(page.getByTestId("screen-check")).toContainText("一屏能看完");
  await page.getByLabel("可以").fill("欢迎分享育儿心得、晒娃、提问。".repeat(12));
  await expect(page.getByTestId("screen-check")).toContainText("超过一屏");
  await page.getByLabel("可以").fill("欢迎分享育儿心得");
  await page.getByRole("button", { name: "保存欢迎语" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("群服务")).toHaveValue("每周三晚 8 点育儿师直播答疑");

  // FAQ: add one and copy its answer.
  await page.goto(`/w/${ws.workspaceId}/rules?tab=faq`);
  await page.getByLabel("分类").fill("配送");
  await page.getByLabel("问题").fill("奶粉几点送到?");
  await page.getByLabel("答案").fill("上午下单,当天下午 6 点前送到");
  await page.getByRole("button", { name: "添加 FAQ" }).click();
  await expect(page.getByText("奶粉几点送到?")).toBeVisible();
  await page.getByRole("button", { name: "复制答案" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("上午下单,当天下午 6 点前送到");

  // Quick replies: add one, copy it, and see the use counted.
  await page.getByRole("link", { name: "快捷回复" }).click();
  await page.getByLabel("关键词").fill("营业时间");
  await page.getByLabel("回复内容").fill("门店每天 9:00–21:00 营业");
  await page.getByRole("button", { name: "添加快捷回复" }).click();
  await expect(page.getByText("/营业时间")).toBeVisible();
  await page.getByRole("button", { name: "复制:营业时间" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("门店每天 9:00–21:00 营业");
  // The use is counted on the server and the list refreshes in place.
  await expect(page.getByText("用过 1 次")).toBeVisible();
  await page.reload();
  await expect(page.getByText("用过 1 次")).toBeVisible();

  // Anti-harassment: a keyword rule, then the tester says what would happen.
  await page.getByRole("link", { name: "防骚扰" }).click();
  await page.getByLabel("规则名称").fill("禁止广告");
  await page.getByLabel("关键词(逗号分隔)").fill("代购,兼职");
  await page.getByLabel("处理方式").selectOption("remove");
  await page.getByRole("button", { name: "添加规则" }).click();
  await expect(page.getByText("禁止广告 · 关键词 · 移出群 · 所有群")).toBeVisible();
  await page.getByLabel("粘贴一条消息").fill("高薪兼职,日结!");
  await page.getByRole("button", { name: "测试" }).click();
  await expect(page.getByTestId("test-result")).toContainText("禁止广告 · 命中:兼职");
  await expect(page.getByTestId("test-result")).toContainText("会发送:@小雨 本群禁止发广告,请遵守群规。");
  await page.getByLabel("粘贴一条消息").fill("今天的奶粉到了吗?");
  await page.getByRole("button", { name: "测试" }).click();
  await expect(page.getByTestId("test-result")).toHaveText("没有触发任何规则。");
});
