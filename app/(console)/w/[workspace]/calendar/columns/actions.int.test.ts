import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups, groupStaff, posts, workspaces } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { addLocalDays, instantDay, instantTime, weekdayOf } from "@/lib/calendar/time";
import { listColumns } from "@/lib/content/columns-queries";
import { newId } from "@/lib/ids";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createColumnAction, deleteColumnAction, fillFromColumnsAction, updateColumnAction } = await import("./actions");
const { createContentItemAction } = await import("../content/actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

/** The next Monday at least two days away, in Shanghai: every slot of that week is in the future. */
function nextMonday(): string {
  let day = addLocalDays(instantDay(new Date(), "Asia/Shanghai"), 2);
  while (weekdayOf(day) !== 1) day = addLocalDays(day, 1);
  return day;
}

const column = (name: string, extra: Record<string, unknown> = {}) => ({ name, category: "activity", scope: "type:traffic", weekday: "1", timeOfDay: "20:00", contentItemId: "", notes: "", ...extra });

async function setup(label: string) {
  const ws = await makeWorkspace(label);
  current.session = await sessionFor(ws.operator);
  const [a, b] = [newId(), newId()];
  await getDb().insert(groups).values([
    { workspaceId: ws.workspaceId, id: a, name: `${label} 引流 1 群`, communityType: "traffic", stage: "active" },
    { workspaceId: ws.workspaceId, id: b, name: `${label} 粉丝群`, communityType: "fans", stage: "active" },
  ]);
  return { ws, a, b };
}

async function create(workspaceId: string, input: Record<string, unknown>) {
  const r = await createColumnAction(workspaceId, null, input);
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data.columnId;
}

const postsOf = (workspaceId: string) =>
  getDb()
    .select({ groupId: posts.groupId, columnId: posts.columnId, at: posts.scheduledAt, title: posts.title, category: posts.category, channel: posts.channel, status: posts.status, variantId: posts.variantId, ownerUserId: posts.ownerUserId })
    .from(posts)
    .where(eq(posts.workspaceId, workspaceId))
    .orderBy(asc(posts.scheduledAt), asc(posts.title));

describe("columns", () => {
  it("fills a week from a group's own columns and its type's, in the workspace's zone, and a second fill creates nothing", async () => {
    const { ws, a, b } = await setup("columns-fill");
    const item = await createContentItemAction(ws.workspaceId, null, {
      title: "新品预告海报",
      category: "product",
      format: "text",
      tags: "",
      variantId: ["", ""],
      variantLabel: ["A", "B"],
      variantBody: ["红色", "黄色"],
      variantLinkUrl: ["", ""],
      variantMiniProgramTitle: ["", ""],
      variantMiniProgramPath: ["", ""],
      variantImages: ["", ""],
    });
    if (!item.ok) throw new Error(item.error);
    const preview = await create(ws.workspaceId, column("周一新品预告", { contentItemId: item.data.itemId }));
    const morning = await create(ws.workspaceId, column("早安打卡", { weekday: "", timeOfDay: "08:30", category: "interaction", scope: `group:${a}` }));
    await create(ws.workspaceId, column("粉丝福利", { scope: "type:fans", weekday: "5" }));
    await getDb().insert(groupStaff).values({ workspaceId: ws.workspaceId, groupId: a, userId: ws.owner.id, role: "owner" });

    const from = nextMonday();
    const to = addLocalDays(from, 6);
    const first = await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a], from, to });
    expect(first).toEqual({ ok: true, data: { created: 8, skipped: 0, past: 0, nonexistent: 0 } });
    const rows = await postsOf(ws.workspaceId);
    expect(rows.filter((p) => p.columnId === morning).map((p) => `${instantDay(p.at, "Asia/Shanghai")} ${instantTime(p.at, "Asia/Shanghai")}`)).toEqual(
      Array.from({ length: 7 }, (_, i) => `${addLocalDays(from, i)} 08:30`),
    );
    const monday = rows.find((p) => p.columnId === preview)!;
    expect(monday.at.toISOString()).toBe(`${from}T12:00:00.000Z`);
    expect(monday).toMatchObject({ groupId: a, title: "新品预告海报", category: "activity", channel: "manual", status: "scheduled", ownerUserId: ws.owner.id });
    expect(monday.variantId).not.toBeNull();
    expect(rows.find((p) => p.columnId === morning)).toMatchObject({ title: "早安打卡", category: "interaction", variantId: null });

    const again = await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a], from, to });
    expect(again).toEqual({ ok: true, data: { created: 0, skipped: 8, past: 0, nonexistent: 0 } });
    const both = await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a, b], from, to });
    expect(both).toEqual({ ok: true, data: { created: 1, skipped: 8, past: 0, nonexistent: 0 } });
    expect(await postsOf(ws.workspaceId)).toHaveLength(9);
  });

  it("follows the workspace's time zone and does not schedule slots already past", async () => {
    const { ws, a } = await setup("columns-zone");
    await getDb().update(workspaces).set({ timeZone: "Europe/Berlin" }).where(eq(workspaces.id, ws.workspaceId));
    await create(ws.workspaceId, column("每日", { weekday: "", timeOfDay: "09:00" }));
    const from = nextMonday();
    expect(await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a], from, to: from })).toMatchObject({ ok: true, data: { created: 1 } });
    const [row] = await postsOf(ws.workspaceId);
    expect(instantTime(row!.at, "Europe/Berlin")).toBe("09:00");
    const past = await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a], from: "2020-01-06", to: "2020-01-07" });
    expect(past).toEqual({ ok: true, data: { created: 0, skipped: 0, past: 2, nonexistent: 0 } });
  });

  it("refuses a bad time, a range past 92 days, a name used twice and another workspace's group", async () => {
    const { ws, a } = await setup("columns-invalid");
    expect(await createColumnAction(ws.workspaceId, null, column("坏时间", { timeOfDay: "25:00" }))).toMatchObject({ ok: false, fieldErrors: { timeOfDay: ["contentErrors.badTime"] } });
    await create(ws.workspaceId, column("同名"));
    expect(await createColumnAction(ws.workspaceId, null, column("同名"))).toMatchObject({ ok: false, fieldErrors: { name: ["contentErrors.columnNameTaken"] } });
    const long = await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a], from: "2026-01-01", to: "2026-04-03" });
    expect(long).toMatchObject({ ok: false, fieldErrors: { to: ["contentErrors.rangeTooLong"] } });

    const other = await setup("columns-invalid-other");
    current.session = await sessionFor(ws.operator);
    expect(await createColumnAction(ws.workspaceId, null, column("别人的群", { scope: `group:${other.a}` }))).toMatchObject({ ok: false, fieldErrors: { scope: ["contentErrors.scopeNeeded"] } });
    expect(await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [other.a], from: nextMonday(), to: nextMonday() })).toMatchObject({ ok: false, error: "contentErrors.groupNotFound" });
    expect(await postsOf(other.ws.workspaceId)).toHaveLength(0);
  });

  it("refuses a viewer in the action itself; another workspace's column is not found", async () => {
    const { ws, a } = await setup("columns-roles");
    const columnId = await create(ws.workspaceId, column("周一"));
    current.session = await sessionFor(ws.viewer);
    expect(await createColumnAction(ws.workspaceId, null, column("偷偷"))).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await fillFromColumnsAction(ws.workspaceId, null, { groupIds: [a], from: nextMonday(), to: nextMonday() })).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await deleteColumnAction(ws.workspaceId, null, { columnId })).toMatchObject({ ok: false, error: "errors.forbidden" });

    const other = await makeWorkspace("columns-roles-other");
    current.session = await sessionFor(other.operator);
    expect(await updateColumnAction(other.workspaceId, null, { ...column("改"), columnId })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await deleteColumnAction(other.workspaceId, null, { columnId })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect((await listColumns(getDb(), ws.workspaceId)).map((c) => c.name)).toEqual(["周一"]);
    expect(await getDb().select().from(posts).where(and(eq(posts.workspaceId, ws.workspaceId)))).toHaveLength(0);
  });
});
