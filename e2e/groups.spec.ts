import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { callAction, seedWorkspace, signIn } from "./fixtures";

// Seven rows: four good, three bad (no identity, bad phone, unreadable date). One remark is a
// spreadsheet formula, which must come back escaped in the export.
const ROSTER = [
  "客户名称,手机号,外部联系人ID,入群时间,入群方式,标签,备注",
  "小雨,13800138000,,2026-10-01 10:00,门店海报,\"兴趣:咖啡,VIP\",老客",
  "阿杰,,wmE2E001,2026/10/02 11:30,邀请,兴趣:茶,",
  "王姐,13600136000,,2026-10-03,扫码,,\"=HYPERLINK(\"\"http://evil.example\"\")\"",
  ",,,2026-10-04,扫码,,没有身份",
  "坏号码,12345,,2026-10-05,扫码,,",
  "坏日期,13900139000,,昨天下午,扫码,,",
  "Lily王,13700137000,,2026-10-06,直播间,,",
].join("\n");

async function importRoster(page: Page, workspaceId: string, groupName: string) {
  await page.goto(`/w/${workspaceId}/members/import`);
  await page.getByLabel("名册文件").setInputFiles({ name: "企业微信客户列表.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + ROSTER) });
  await page.getByLabel("导入到哪个群").selectOption({ label: groupName });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page).toHaveURL(/\/members\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel("「手机号」列对应")).toHaveValue("phone");
  await expect(page.getByLabel("「客户名称」列对应")).toHaveValue("nickname");
}

test("a group from a plan, a roster imported twice, bulk tags, roles and a safe export; a viewer only reads", async ({ browser }) => {
  const ws = await seedWorkspace("roster");
  const operator = await browser.newContext({ acceptDownloads: true });
  await signIn(operator, ws.operator);
  const page = await operator.newPage();

  // A plan, then a group built from it: type, threshold and end date come along.
  await page.goto(`/w/${ws.workspaceId}/positioning`);
  await page.getByLabel("方案名称").fill("体验课快闪");
  await page.getByLabel("从示例开始").selectOption("education");
  await page.getByRole("button", { name: "创建方案" }).click();
  await expect(page).toHaveURL(/\/positioning\/[0-9a-f-]{36}$/);
  await page.goto(`/w/${ws.workspaceId}/groups/new`);
  await page.getByLabel("从定位方案创建").selectOption({ label: "体验课快闪" });
  await expect(page.getByLabel("社群类型")).toHaveValue("flash");
  await expect(page.getByLabel("计划结束日期")).toHaveValue("2026-12-31");
  await page.getByLabel("群名称").fill("12 月体验课 1 群");
  await page.getByRole("button", { name: "创建社群" }).click();
  await expect(page).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
  const groupUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("link", { name: "体验课快闪" })).toBeVisible();
  await expect(page.getByText("快闪群")).toBeVisible();

  // Import: check first, then import; the three bad rows are reported by row and column.
  await importRoster(page, ws.workspaceId, "12 月体验课 1 群");
  await page.getByRole("button", { name: "检查整个文件" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("检查完成:4 行可以导入,3 行有问题。");
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("导入完成:4 行已导入(4 位新成员),跳过 3 行。");
  const problems = page.getByRole("region", { name: "有问题的行" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row", { name: /^5 .*昵称、手机号、外部联系人 ID 都为空/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /^6 手机号 手机号格式不对/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /^7 入群时间 日期看不懂/ })).toBeVisible();
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载跳过行报告" }).click()]);
  const reportText = await readFile((await report.path())!, "utf8");
  expect(reportText).toContain("坏号码");
  expect(reportText.split("\r\n").filter(Boolean)).toHaveLength(4);

  // The same file again adds nobody.
  await importRoster(page, ws.workspaceId, "12 月体验课 1 群");
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("导入完成:4 行已导入(0 位新成员),跳过 3 行。");
  await page.goto(`/w/${ws.workspaceId}/members`);
  await expect(page.getByText("共 4 人")).toBeVisible();

  // Bulk-tag everyone in the group.
  await page.getByLabel("标签名称").fill("体验课学员");
  await page.getByRole("button", { name: "添加标签", exact: true }).click();
  await expect(page.getByText("体验课学员 0 人")).toBeVisible();
  await page.getByLabel("所在群").selectOption({ label: "12 月体验课 1 群" });
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByRole("form", { name: "批量打标签" }).getByLabel("标签", { exact: true }).selectOption({ label: "体验课学员" });
  await page.getByRole("button", { name: "应用到 4 人" }).click();
  await expect(page.getByText("已处理 4 人")).toBeVisible();
  await expect(page.getByText("体验课学员 4 人")).toBeVisible();

  // Change a role on the roster.
  await page.goto(groupUrl);
  await page.getByLabel("小雨 的角色").selectOption("admin");
  const xiaoyu = page.getByRole("row", { name: /小雨/ });
  await xiaoyu.getByRole("button", { name: "改角色" }).click();
  await expect(xiaoyu.getByText("已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("小雨 的角色")).toHaveValue("admin");

  // Export: Excel opens it as UTF-8, and the formula is text.
  await page.goto(`/w/${ws.workspaceId}/members`);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
  const bytes = await readFile((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("小雨");
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

  // A viewer sees the roster but nothing to change, and a direct call is refused.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const view = await viewer.newPage();
  await view.goto(groupUrl);
  await expect(view.getByRole("link", { name: "小雨" })).toBeVisible();
  await expect(view.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await expect(view.getByText("添加成员")).toHaveCount(0);
  await expect(view.getByRole("button", { name: "改角色" })).toHaveCount(0);
  await view.goto(`/w/${ws.workspaceId}/members`);
  await expect(view.getByRole("link", { name: "导入名册" })).toHaveCount(0);
  const groupId = groupUrl.split("/").at(-1);
  const answer = await callAction(view.request, groupUrl, "addRosterMemberAction", [ws.workspaceId, null, { groupId, nickname: "偷偷加的人", role: "member" }]);
  expect(answer).toContain("errors.forbidden");
});
