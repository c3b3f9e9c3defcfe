import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import QRCode from "qrcode";
import { v7 } from "uuid";
import { callAction, seedWorkspace, signIn, sql } from "./fixtures";

const groupQr = async (name: string) => ({ name: `${name}.png`, mimeType: "image/png", buffer: await QRCode.toBuffer(`https://weixin.qq.com/g/${name}`) });
const shanghaiDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** A visitor with a phone and no cookies: a fresh context each time. */
async function visit(browser: Browser, slug: string) {
  const context = await browser.newContext({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.47", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/j/${slug}`);
  const heading = await page.getByRole("heading").first().textContent();
  const qrLoaded = await page.locator("img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0));
  return { context, page, heading, qrLoaded };
}

test("a live code fills its first group, rolls over to the second, skips an expired QR; viewers and other workspaces cannot change it", async ({ browser }) => {
  const ws = await seedWorkspace("livecode");
  const tag = v7();
  await sql`insert into groups (workspace_id, id, name, stage) values (${ws.workspaceId}, ${v7()}, '海报 1 群', 'active'), (${ws.workspaceId}, ${v7()}, '海报 2 群', 'active')`;
  await sql`insert into tags (workspace_id, id, name) values (${ws.workspaceId}, ${tag}, '门店海报来的')`;
  const operator = await browser.newContext({ acceptDownloads: true });
  await signIn(operator, ws.operator);
  const page = await operator.newPage();
  const slug = `poster-${randomUUID().slice(0, 8)}`;

  await page.goto(`/w/${ws.workspaceId}/livecodes/new`);
  await page.getByLabel("活码名称").fill("门店海报活码");
  await page.getByLabel("链接后缀").fill(slug);
  await page.getByLabel("来源渠道").fill("门店海报");
  await page.getByLabel("每群满员人数").fill("2");
  await page.getByLabel("第 1 个群", { exact: true }).selectOption({ label: "海报 1 群" });
  // A text file renamed .png is refused, next to the field.
  await page.getByLabel("第 1 个群的群二维码").setInputFiles({ name: "qr.png", mimeType: "image/png", buffer: Buffer.from("this is not a picture") });
  await expect(page.getByText("这不是图片:只能上传 PNG、JPEG 或 WebP 格式的群二维码。")).toBeVisible();
  await page.getByLabel("第 1 个群的群二维码").setInputFiles(await groupQr("one"));
  await expect(page.getByRole("img", { name: "当前群二维码" })).toHaveCount(1);
  await expect(page.getByLabel("第 1 个群二维码有效期至")).toHaveValue(shanghaiDay(6));
  await page.getByRole("button", { name: "添加目标群" }).click();
  await page.getByLabel("第 2 个群", { exact: true }).selectOption({ label: "海报 2 群" });
  await page.getByLabel("第 2 个群的群二维码").setInputFiles(await groupQr("two"));
  await expect(page.getByRole("img", { name: "当前群二维码" })).toHaveCount(2);
  await page.getByLabel("门店海报来的").check();
  await page.getByLabel("入群欢迎语").fill("欢迎加入!到店出示本群消息立减 5 元。");
  await page.getByRole("button", { name: "创建活码" }).click();
  await expect(page).toHaveURL(/\/livecodes\/[0-9a-f-]{36}$/);
  const codeUrl = new URL(page.url()).pathname;
  await expect(page.getByText("门店海报来的")).toBeVisible();

  // Three visitors: two fill group 1 (capacity 2), the third goes to group 2.
  const first = await visit(browser, slug);
  expect(first.heading).toBe("加入「海报 1 群」");
  expect(first.qrLoaded).toBe(true);
  expect((await visit(browser, slug)).heading).toBe("加入「海报 1 群」");
  expect((await visit(browser, slug)).heading).toBe("加入「海报 2 群」");
  // The first visitor comes back: same group, not counted again.
  await first.page.reload();
  await expect(first.page.getByRole("heading", { name: "加入「海报 1 群」" })).toBeVisible();

  await page.reload();
  const targets = page.getByRole("list", { name: "目标群与满员情况" });
  await expect(targets.getByRole("listitem").filter({ hasText: "海报 1 群" })).toContainText("2 / 2 人");
  await expect(targets.getByRole("listitem").filter({ hasText: "海报 1 群" })).toContainText("已满");
  await expect(targets.getByRole("listitem").filter({ hasText: "海报 2 群" })).toContainText("1 / 2 人");
  await expect(page.getByText("累计扫码: 4")).toBeVisible();

  // Room again in group 1, but its QR expired yesterday: the next visitor skips it.
  await page.getByRole("link", { name: "编辑" }).click();
  await page.getByLabel("每群满员人数").fill("10");
  await page.getByLabel("第 1 个群二维码有效期至").fill(shanghaiDay(-1));
  await page.getByRole("button", { name: "保存活码" }).click();
  await expect(page).toHaveURL(new RegExp(`${codeUrl}$`));
  expect((await visit(browser, slug)).heading).toBe("加入「海报 2 群」");
  await page.reload();
  await expect(targets.getByRole("listitem").filter({ hasText: "海报 1 群" })).toContainText("二维码已过期");

  // The poster QR downloads as a PNG.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 PNG 二维码" }).click()]);
  expect([...(await readFile((await download.path())!)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // A viewer reads but cannot change; a direct call is refused.
  const viewer = await browser.newContext();
  await signIn(viewer, ws.viewer);
  const view = await viewer.newPage();
  await view.goto(`/w/${ws.workspaceId}/livecodes`);
  await expect(view.getByRole("link", { name: "门店海报活码" })).toBeVisible();
  await expect(view.getByRole("link", { name: "新建活码" })).toHaveCount(0);
  await view.goto(codeUrl);
  await expect(view.getByRole("link", { name: "编辑" })).toHaveCount(0);
  const liveCodeId = codeUrl.split("/").at(-1);
  expect(await callAction(view.request, codeUrl, "deleteLiveCodeAction", [ws.workspaceId, null, { liveCodeId }])).toContain("errors.forbidden");

  // Another workspace's owner finds nothing.
  const other = await seedWorkspace("livecode-other");
  const outsider = await browser.newContext();
  await signIn(outsider, other.owner);
  const out = await outsider.newPage();
  expect((await out.goto(codeUrl))?.status()).toBe(404);
  await expect(out.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect(await callAction(out.request, `/w/${other.workspaceId}/livecodes`, "deleteLiveCodeAction", [other.workspaceId, null, { liveCodeId }])).toContain("errors.notFound");
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from live_code_scans where live_code_id = ${liveCodeId!}`;
  expect(row?.n).toBe(5);
});
