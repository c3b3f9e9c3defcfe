import { expect, test } from "@playwright/test";
import { seedWorkspace, signIn } from "./fixtures";

test("the sign-in page is Chinese by default and switches to English", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "登录群运" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in to Qunyun" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in to Qunyun" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a signed-in user's language choice follows them to another device", async ({ browser }) => {
  const ws = await seedWorkspace("language");
  const first = await browser.newContext();
  await signIn(first, ws.operator);
  const page = await first.newPage();
  await page.goto(`/w/${ws.workspaceId}/dashboards`);
  await expect(page.getByRole("link", { name: "数据" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("link", { name: "Dashboards" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Business overview" })).toBeVisible();

  const second = await browser.newContext();
  await signIn(second, ws.operator);
  const other = await second.newPage();
  await other.goto(`/w/${ws.workspaceId}/settings`);
  await expect(other.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
  await expect(other.getByRole("link", { name: "Positioning" })).toBeVisible();
});
