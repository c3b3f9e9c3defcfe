import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups, groupStaff, posts, sopRuns, workspaces } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { addLocalDays, instantDay, instantTime } from "@/lib/calendar/time";
import { newId } from "@/lib/ids";
import { exportTemplateOf, getTemplate } from "@/lib/sop/queries";
import { parseXlsxTemplate, toXlsx } from "@/lib/sop/xlsx";
import { planSync } from "@/lib/sop/sync";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { addStarterAction, applyRunAction, createTemplateAction, deleteTemplateAction, importTemplateAction, saveTemplateAction, syncRunsAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const DAY = 24 * 3600 * 1000;
/** Tomorrow in Shanghai, so every post of a week-long run is in the future. */
const tomorrow = (tz = "Asia/Shanghai") => instantDay(new Date(Date.now() + DAY), tz);

async function setup(label: string) {
  const ws = await makeWorkspace(label);
  const groupIds = [newId(), newId()];
  await getDb().insert(groups).values(groupIds.map((id, i) => ({ workspaceId: ws.workspaceId, id, name: `${label} 群 ${i + 1}`, stage: "active" as const })));
  await getDb().insert(groupStaff).values([
    { workspaceId: ws.workspaceId, groupId: groupIds[0]!, userId: ws.owner.id, role: "owner" as const },
    { workspaceId: ws.workspaceId, groupId: groupIds[0]!, userId: ws.operator.id, role: "admin" as const },
  ]);
  current.session = await sessionFor(ws.operator);
  return { ...ws, groupIds };
}

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }): T {
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

const step = (time: string, extra: Record<string, unknown> = {}) => ({ timing: "daily", time, title: `标题 ${time}`, inlineText: `正文 ${time}`, category: "product", ownerRole: "operator", notes: "", contentItemId: "", variantId: "", ...extra });

async function addRestaurant(workspaceId: string) {
  const { templateId } = ok(await addStarterAction(workspaceId, null, { starterKey: "restaurant_daily" }));
  return (await getTemplate(getDb(), { workspaceId, templateId }))!;
}

async function runPosts(workspaceId: string, runId: string) {
  return getDb().select().from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.runId, runId))).orderBy(asc(posts.scheduledAt));
}

describe("SOP templates", () => {
  it("creates, validates order and saves with a version bump", async () => {
    const { workspaceId } = await setup("sop-edit");
    const { templateId } = ok(await createTemplateAction(workspaceId, null, { name: "早晚两发", steps: [step("09:00"), step("20:00")] }));
    const dup = await createTemplateAction(workspaceId, null, { name: "早晚两发" });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { name: ["sopErrors.nameTaken"] } });
    const bad = await saveTemplateAction(workspaceId, null, { templateId, baseVersion: 1, name: "早晚两发", steps: [step("20:00"), step("09:00")] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "steps.1": ["sopErrors.outOfOrder"] } });
    const mixed = await saveTemplateAction(workspaceId, null, { templateId, baseVersion: 1, name: "早晚两发", steps: [step("09:00"), step("20:00", { timing: "weekly", weekday: 1 })] });
    expect(mixed).toMatchObject({ ok: false, fieldErrors: { "steps.1": ["sopErrors.mixedTiming"] } });
    const long = await saveTemplateAction(workspaceId, null, { templateId, baseVersion: 1, name: "早晚两发", steps: [step("09:00", { inlineText: "字".repeat(4001) })] });
    expect(long).toMatchObject({ ok: false, fieldErrors: { "steps.0.inlineText": ["sopErrors.textTooLong"] } });
    const before = (await getTemplate(getDb(), { workspaceId, templateId }))!;
    const saved = ok(await saveTemplateAction(workspaceId, null, { templateId, baseVersion: 1, name: "早晚三发", steps: [{ ...step("09:00"), id: before.steps[0]!.id }, step("12:00"), step("20:00")] }));
    expect(saved.version).toBe(2);
    const after = (await getTemplate(getDb(), { workspaceId, templateId }))!;
    expect(after.steps.map((s) => s.time)).toEqual(["09:00", "12:00", "20:00"]);
    expect(after.steps[0]!.id).toBe(before.steps[0]!.id);
    const stale = await saveTemplateAction(workspaceId, null, { templateId, baseVersion: 1, name: "x", steps: [step("09:00")] });
    expect(stale).toMatchObject({ ok: false, error: "sopErrors.templateChanged" });
  });

  it("applies the restaurant starter to two groups for a week: 42 posts at local times, owners resolved", async () => {
    const ws = await setup("sop-apply");
    const template = await addRestaurant(ws.workspaceId);
    expect(template.starterKey).toBe("restaurant_daily");
    const startDate = tomorrow();
    const input = { templateId: template.id, templateVersion: 1, groupIds: ws.groupIds, startDate, endDate: addLocalDays(startDate, 6), channel: "manual" };
    const run = ok(await applyRunAction(ws.workspaceId, null, input));
    expect(run.created).toBe(42);
    const rows = await runPosts(ws.workspaceId, run.runId);
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((p) => instantTime(p.scheduledAt, "Asia/Shanghai")))).toEqual(new Set(["11:00", "12:00", "18:00"]));
    expect(rows[0]!.scheduledAt.toISOString()).toBe(`${startDate}T03:00:00.000Z`);
    const firstGroup = rows.filter((p) => p.groupId === ws.groupIds[0]);
    // 11:00 menu → group owner, 12:00 video → first admin, in the group with staff.
    expect(firstGroup.find((p) => instantTime(p.scheduledAt, "Asia/Shanghai") === "11:00")!.ownerUserId).toBe(ws.owner.id);
    expect(firstGroup.find((p) => instantTime(p.scheduledAt, "Asia/Shanghai") === "12:00")!.ownerUserId).toBe(ws.operator.id);
    // The second group has no staff: the applying operator does it.
    expect(new Set(rows.filter((p) => p.groupId === ws.groupIds[1]).map((p) => p.ownerUserId))).toEqual(new Set([ws.operator.id]));
    expect(rows.map((p) => p.category).filter((c) => c === "activity")).toHaveLength(28);
    // Applying again to the same groups and dates doubles nothing.
    const again = await applyRunAction(ws.workspaceId, null, input);
    expect(again).toMatchObject({ ok: false, error: "sopErrors.nothingToCreate" });
    const wider = ok(await applyRunAction(ws.workspaceId, null, { ...input, endDate: addLocalDays(startDate, 7) }));
    expect(wider).toMatchObject({ created: 6, skippedDuplicate: 42 });
  });

  it("writes local times in the workspace's zone (Los Angeles, across the November DST change)", async () => {
    const ws = await setup("sop-zone");
    await getDb().update(workspaces).set({ timeZone: "America/Los_Angeles" }).where(eq(workspaces.id, ws.workspaceId));
    const { templateId } = ok(await createTemplateAction(ws.workspaceId, null, { name: "晚八点", steps: [step("20:00")] }));
    const year = new Date().getUTCFullYear() + 1;
    const run = ok(await applyRunAction(ws.workspaceId, null, { templateId, templateVersion: 1, groupIds: [ws.groupIds[0]], startDate: `${year}-10-30`, endDate: `${year}-11-10`, channel: "webhook" }));
    const rows = await runPosts(ws.workspaceId, run.runId);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((p) => instantTime(p.scheduledAt, "America/Los_Angeles")))).toEqual(new Set(["20:00"]));
    expect(new Set(rows.map((p) => p.scheduledAt.toISOString().slice(11, 16)))).toEqual(new Set(["03:00", "04:00"]));
    expect(rows.every((p) => p.channel === "webhook")).toBe(true);
    const [runRow] = await getDb().select().from(sopRuns).where(eq(sopRuns.id, run.runId));
    expect(runRow).toMatchObject({ timeZone: "America/Los_Angeles", startDate: `${year}-10-30`, endDate: `${year}-11-10`, groupIds: [ws.groupIds[0]] });
  });

  it("refuses a repeating run without an end date or longer than 92 days", async () => {
    const ws = await setup("sop-window");
    const template = await addRestaurant(ws.workspaceId);
    const base = { templateId: template.id, templateVersion: 1, groupIds: ws.groupIds, startDate: tomorrow(), channel: "manual" };
    expect(await applyRunAction(ws.workspaceId, null, { ...base, endDate: "" })).toMatchObject({ ok: false, fieldErrors: { endDate: ["sopErrors.endNeeded"] } });
    expect(await applyRunAction(ws.workspaceId, null, { ...base, endDate: addLocalDays(base.startDate, 92) })).toMatchObject({ ok: false, fieldErrors: { endDate: ["sopErrors.runTooLong"] } });
    expect(await applyRunAction(ws.workspaceId, null, { ...base, endDate: addLocalDays(base.startDate, -1) })).toMatchObject({ ok: false, fieldErrors: { endDate: ["sopErrors.endBeforeStart"] } });
  });

  it("runs a relative template around its anchor, days before it included", async () => {
    const ws = await setup("sop-relative");
    const { templateId } = ok(
      await createTemplateAction(ws.workspaceId, null, {
        name: "新品上市",
        anchorLabel: "上新日",
        steps: [step("20:00", { timing: "relative", dayOffset: -1 }), step("10:00", { timing: "relative", dayOffset: 0 }), step("12:00", { timing: "relative", dayOffset: 2 })],
      }),
    );
    const anchor = addLocalDays(tomorrow(), 3);
    const run = ok(await applyRunAction(ws.workspaceId, null, { templateId, templateVersion: 1, groupIds: [ws.groupIds[1]], startDate: anchor, endDate: "", channel: "manual" }));
    const rows = await runPosts(ws.workspaceId, run.runId);
    expect(rows.map((p) => `${instantDay(p.scheduledAt, "Asia/Shanghai")} ${instantTime(p.scheduledAt, "Asia/Shanghai")}`)).toEqual([
      `${addLocalDays(anchor, -1)} 20:00`,
      `${anchor} 10:00`,
      `${addLocalDays(anchor, 2)} 12:00`,
    ]);
  });

  it("updates the future posts of its runs: changed in place, removed cancelled, added created, sent untouched", async () => {
    const ws = await setup("sop-sync");
    const template = await addRestaurant(ws.workspaceId);
    const startDate = tomorrow();
    const run = ok(await applyRunAction(ws.workspaceId, null, { templateId: template.id, templateVersion: 1, groupIds: ws.groupIds, startDate, endDate: addLocalDays(startDate, 2), channel: "manual" }));
    const before = await runPosts(ws.workspaceId, run.runId);
    expect(before).toHaveLength(18);
    // One post already went out by hand: it must stay as it is.
    const sentId = before.find((p) => instantTime(p.scheduledAt, "Asia/Shanghai") === "12:00")!.id;
    await getDb().update(posts).set({ status: "sent", sentAt: new Date() }).where(eq(posts.id, sentId));
    const [menu, video] = template.steps;
    const steps = [
      { ...menu!, id: menu!.id, time: "10:30", contentItemId: "", variantId: "" },
      { ...video!, id: video!.id, contentItemId: "", variantId: "" },
      step("21:00", { title: "晚间互动", category: "interaction" }),
    ];
    ok(await saveTemplateAction(ws.workspaceId, null, { templateId: template.id, baseVersion: 1, name: template.name, description: template.description, anchorLabel: "", communityType: template.communityType ?? "", steps }));
    const plan = await planSync(getDb(), { workspaceId: ws.workspaceId, templateId: template.id, now: new Date(), userId: ws.operator.id });
    expect({ updates: plan.updates.length, cancels: plan.cancels.length, creates: plan.creates.length }).toEqual({ updates: 6, cancels: 6, creates: 6 });
    expect(await syncRunsAction(ws.workspaceId, null, { templateId: template.id, templateVersion: 1 })).toMatchObject({ ok: false, error: "sopErrors.templateChanged" });
    const done = ok(await syncRunsAction(ws.workspaceId, null, { templateId: template.id, templateVersion: 2 }));
    expect(done).toEqual({ updated: 6, cancelled: 6, created: 6, runs: 1 });
    const after = await runPosts(ws.workspaceId, run.runId);
    const at = (status: string) => after.filter((p) => p.status === status).map((p) => instantTime(p.scheduledAt, "Asia/Shanghai"));
    expect(at("cancelled").sort()).toEqual(Array(6).fill("18:00"));
    expect(new Set(at("scheduled"))).toEqual(new Set(["10:30", "12:00", "21:00"]));
    expect(after.find((p) => p.id === sentId)!.status).toBe("sent");
    expect(at("scheduled")).toHaveLength(17);
    // Nothing left to update once the runs are current.
    expect((await planSync(getDb(), { workspaceId: ws.workspaceId, templateId: template.id, now: new Date(), userId: ws.operator.id })).total).toBe(0);
  });

  it("round-trips XLSX export and import into a new template", async () => {
    const ws = await setup("sop-xlsx");
    const template = await addRestaurant(ws.workspaceId);
    const parsed = await parseXlsxTemplate(await toXlsx(exportTemplateOf(template)), "x");
    const imported = ok(await importTemplateAction(ws.workspaceId, null, { template: parsed.template }));
    expect(imported.name).toBe(`${template.name} (2)`);
    const copy = (await getTemplate(getDb(), { workspaceId: ws.workspaceId, templateId: imported.templateId }))!;
    const strip = (t: typeof copy) => t.steps.map((s) => ({ ...s, id: undefined }));
    expect(strip(copy)).toEqual(strip(template));
    expect(copy.starterKey).toBeNull();
  });

  it("refuses viewers and hides other workspaces' templates", async () => {
    const ws = await setup("sop-roles");
    const template = await addRestaurant(ws.workspaceId);
    current.session = await sessionFor(ws.viewer);
    expect(await addStarterAction(ws.workspaceId, null, { starterKey: "restaurant_daily" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await deleteTemplateAction(ws.workspaceId, null, { templateId: template.id })).toEqual({ ok: false, error: "errors.forbidden" });
    const other = await setup("sop-other");
    const stolen = await applyRunAction(other.workspaceId, null, { templateId: template.id, templateVersion: 1, groupIds: other.groupIds, startDate: tomorrow(), endDate: tomorrow(), channel: "manual" });
    expect(stolen).toEqual({ ok: false, error: "errors.notFound" });
    expect(await saveTemplateAction(other.workspaceId, null, { templateId: template.id, baseVersion: 1, name: "x", steps: [step("09:00")] })).toEqual({ ok: false, error: "errors.notFound" });
    // Another workspace's groups cannot be targeted either.
    current.session = await sessionFor(ws.operator);
    const foreign = await applyRunAction(ws.workspaceId, null, { templateId: template.id, templateVersion: 1, groupIds: other.groupIds, startDate: tomorrow(), endDate: tomorrow(), channel: "manual" });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { groupIds: ["sopErrors.groupNotFound"] } });
    const none = await getDb().select().from(posts).where(and(eq(posts.workspaceId, other.workspaceId), inArray(posts.groupId, other.groupIds)));
    expect(none).toEqual([]);
  });
});
