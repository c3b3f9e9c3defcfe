import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { callAction, sql } from "./fixtures";

async function invite(page: Page, email: string, role: "operator" | "viewer") {
  await page.getByLabel("对方邮箱").fill(email);
  await page.getByLabel("角色", { exact: true }).selectOption(role);
  const link = page.getByLabel("邀请链接(只显示这一次)");
  const previous = (await link.count()) ? await link.inputValue() : "";
  await page.getByRole("button", { name: "生成邀请链接" }).click();
  await expect(page.getByText(`${email} · `)).toBeVisible();
  await expect(link).not.toHaveValue(previous);
  return link.inputValue();
}

/** Operators start at positioning; viewers (store owners' read-only seats) at the data overview. */
async function acceptAsNewPerson(page: Page, link: string, name: string, password: string, landing: "positioning" | "dashboards") {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /邀请你加入/ })).toBeVisible();
  await page.getByLabel("你的名字").fill(name);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "创建账号并加入" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/[0-9a-f-]{36}/${landing}$`));
}

test("sign up, invite an operator and a viewer; each joins with their role; the viewer cannot write", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const ownerPage = await (await browser.newContext()).newPage();

  await ownerPage.goto("/sign-up");
  await ownerPage.getByLabel("你的名字").fill("陈店长");
  await ownerPage.getByLabel("邮箱").fill(`owner-${tag}@e2e.test`);
  await ownerPage.getByLabel("密码").fill("a-long-password");
  await ownerPage.getByLabel("工作区名称(如门店或品牌名)").fill(`鲜果社区店 ${tag}`);
  await ownerPage.getByRole("button", { name: "注册并创建工作区" }).click();
  await expect(ownerPage).toHaveURL(/\/w\/[0-9a-f-]{36}\/positioning$/);
  const workspaceId = ownerPage.url().split("/")[4]!;
  await expect(ownerPage.getByRole("heading", { name: "定位", exact: true })).toBeVisible();
  await expect(ownerPage.getByText("还没有定位方案")).toBeVisible();
  await expect(ownerPage.getByRole("combobox", { name: "切换工作区" })).toHaveValue(workspaceId);

  await ownerPage.getByRole("link", { name: "设置" }).click();
  const operatorLink = await invite(ownerPage, `op-${tag}@e2e.test`, "operator");
  const viewerLink = await invite(ownerPage, `boss-${tag}@e2e.test`, "viewer");
  await expect(ownerPage.getByText(`op-${tag}@e2e.test · 运营`)).toBeVisible();
  await expect(ownerPage.getByText(`boss-${tag}@e2e.test · 只读`)).toBeVisible();

  const operatorPage = await (await browser.newContext()).newPage();
  await acceptAsNewPerson(operatorPage, operatorLink, "小王", "operator-password", "positioning");
  await expect(operatorPage.getByText("小王 · 运营")).toBeVisible();

  // The link worked once; it does not work again.
  const latecomer = await (await browser.newContext()).newPage();
  await latecomer.goto(operatorLink);
  await expect(latecomer.getByText("这个邀请链接已被使用。")).toBeVisible();

  const viewerPage = await (await browser.newContext()).newPage();
  await acceptAsNewPerson(viewerPage, viewerLink, "老板", "viewer-password", "dashboards");
  await expect(viewerPage.getByText("你在此工作区是只读角色")).toBeVisible();
  await viewerPage.getByRole("link", { name: "设置" }).click();
  await expect(viewerPage.getByRole("heading", { name: "成员" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "生成邀请链接" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "修改角色" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "保存名称" })).toHaveCount(0);

  // The viewer crafts the request the owner's form would send: the action itself refuses it.
  const answer = await callAction(viewerPage.request, `/w/${workspaceId}/settings`, "createInviteAction", [
    workspaceId,
    null,
    { email: `sneaky-${tag}@e2e.test`, role: "owner" },
  ]);
  expect(answer).toContain("errors.forbidden");
  const [sneaky] = await sql<{ n: number }[]>`select count(*)::int as n from invites where email = ${`sneaky-${tag}@e2e.test`}`;
  expect(sneaky?.n).toBe(0);

  await ownerPage.reload();
  await expect(ownerPage.getByRole("region", { name: "成员" }).getByRole("row").filter({ hasText: `op-${tag}@e2e.test` })).toContainText("小王");
  await expect(ownerPage.getByRole("region", { name: "成员" }).getByRole("row").filter({ hasText: `boss-${tag}@e2e.test` })).toContainText("老板");
  await expect(ownerPage.getByText(`sneaky-${tag}`)).toHaveCount(0);
});
