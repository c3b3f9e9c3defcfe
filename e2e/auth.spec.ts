import { expect, test, type Page } from "@playwright/test";
import { seedUser, seedWorkspace, signIn } from "./fixtures";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
}

test("signing in with the right password lands in the workspace", async ({ page }) => {
  const ws = await seedWorkspace("signin");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await submitSignIn(page, ws.operator.email, ws.operator.password);
  await expect(page).toHaveURL(new RegExp(`/w/${ws.workspaceId}/positioning$`));
  await expect(page.getByText(`${ws.operator.name} · 运营`)).toBeVisible();
});

test("repeated wrong passwords lock the account with a clear message", async ({ page }) => {
  const user = await seedUser("ratelimit");
  await page.goto("/sign-in");
  for (let i = 0; i < 10; i++) {
    await submitSignIn(page, user.email, `wrong-${i}`);
    await expect(page.getByText("邮箱或密码不正确。")).toBeVisible();
  }
  await submitSignIn(page, user.email, user.password);
  await expect(page.getByText("登录失败次数过多,为保护账号已暂时锁定,请 15 分钟后再试。")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("after sign-out, a copy of the old session cookie no longer works", async ({ browser }) => {
  const ws = await seedWorkspace("signout");
  const context = await browser.newContext();
  await signIn(context, ws.owner);
  const stolen = await context.storageState();
  const page = await context.newPage();
  await page.goto(`/w/${ws.workspaceId}/members`);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await (await browser.newContext({ storageState: stolen })).newPage();
  await replay.goto(`/w/${ws.workspaceId}/members`);
  await expect(replay).toHaveURL(/\/sign-in/);
  await expect(replay.getByRole("heading", { name: "登录群运" })).toBeVisible();
});

test("changing the password signs out the other devices, not this one", async ({ browser }) => {
  const ws = await seedWorkspace("pwchange");
  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  await signIn(here, ws.operator);
  await signIn(elsewhere, ws.operator);
  const otherPage = await elsewhere.newPage();
  await otherPage.goto(`/w/${ws.workspaceId}/calendar`);
  await expect(otherPage.getByRole("heading", { name: "内容日历" })).toBeVisible();

  const page = await here.newPage();
  await page.goto(`/w/${ws.workspaceId}/settings`);
  await page.getByLabel("当前密码").fill(ws.operator.password);
  await page.getByLabel("新密码", { exact: true }).fill("brand-new-password");
  await page.getByLabel("确认新密码").fill("brand-new-password");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改,其他设备上的登录已失效。")).toBeVisible();

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "设置", exact: true })).toBeVisible();
});

test("a member removed by the owner loses access at once", async ({ browser }) => {
  const ws = await seedWorkspace("removal");
  const ownerContext = await browser.newContext();
  const operatorContext = await browser.newContext();
  await signIn(ownerContext, ws.owner);
  await signIn(operatorContext, ws.operator);
  const operatorPage = await operatorContext.newPage();
  await operatorPage.goto(`/w/${ws.workspaceId}/groups`);
  await expect(operatorPage.getByRole("heading", { name: "社群" })).toBeVisible();

  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto(`/w/${ws.workspaceId}/settings`);
  ownerPage.once("dialog", (dialog) => void dialog.accept());
  const row = ownerPage.getByRole("region", { name: "成员" }).getByRole("row").filter({ hasText: ws.operator.email });
  await row.getByRole("button", { name: "移出工作区" }).click();
  await expect(ownerPage.getByRole("region", { name: "成员" }).getByRole("row").filter({ hasText: ws.operator.email })).toHaveCount(0);

  await operatorPage.reload();
  await expect(operatorPage.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
