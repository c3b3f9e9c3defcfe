import { expect, test } from "@playwright/test";
import { callAction, seedWorkspace, signIn, sql } from "./fixtures";

test("a member of workspace A gets not-found for workspace B's pages and actions", async ({ context, page }) => {
  const a = await seedWorkspace("tenant-a");
  const b = await seedWorkspace("tenant-b");
  await signIn(context, a.owner);

  await page.goto(`/w/${a.workspaceId}/settings`);
  await expect(page.getByRole("heading", { name: "设置", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "成员" }).getByRole("row").filter({ hasText: a.viewer.email })).toBeVisible();

  for (const area of ["positioning", "settings", "calendar"]) {
    const response = await page.goto(`/w/${b.workspaceId}/${area}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByText(b.name)).toHaveCount(0);
  }
  await page.goto(`/w/not-a-workspace/settings`);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();

  const answer = await callAction(page.request, `/w/${a.workspaceId}/settings`, "renameWorkspaceAction", [b.workspaceId, null, { name: "taken over" }]);
  expect(answer).toContain("errors.notFound");
  const [row] = await sql<{ name: string }[]>`select name from workspaces where id = ${b.workspaceId}`;
  expect(row?.name).toBe(b.name);
});

test("the workspace switcher lists only the user's own workspaces", async ({ context, page }) => {
  const a = await seedWorkspace("switch-a");
  const other = await seedWorkspace("switch-other");
  const second = await seedWorkspace("switch-b");
  await sql`insert into memberships (workspace_id, user_id, role) values (${second.workspaceId}, ${a.owner.id}, 'viewer')`;
  await signIn(context, a.owner);
  await page.goto(`/w/${a.workspaceId}/groups`);
  const switcher = page.getByRole("combobox", { name: "切换工作区" });
  await expect(switcher.locator("option")).toHaveText([a.name, second.name, "+ 新建工作区"]);
  await expect(switcher).not.toContainText(other.name);
  await switcher.selectOption(second.workspaceId);
  // Read-only there: a viewer lands on the owner overview.
  await expect(page).toHaveURL(new RegExp(`/w/${second.workspaceId}/dashboards$`));
  await expect(page.getByText("你在此工作区是只读角色")).toBeVisible();
});
