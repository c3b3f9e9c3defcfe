import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { contentItems, contentVariants, dailyRollups, experimentAssignments, experiments, groups, NIL_UUID, posts } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { instantDay } from "@/lib/calendar/time";
import { applyExperiment, assignedVariantFor } from "@/lib/experiments/commands";
import { getExperiment, getExperimentResults } from "@/lib/experiments/queries";
import { newId } from "@/lib/ids";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";
import { createPosts } from "@/lib/calendar/posts";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const { declareWinnerAction, startExperimentAction, stopExperimentAction } = await import("./actions");
const { GET: exportCsv } = await import("./export/route");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const TZ = "Asia/Shanghai";
const DAY = 86_400_000;

/** A workspace with an item of two variants (红色 / 黄色 poster), four groups and waiting posts. */
async function setup(label: string) {
  const ws = await makeWorkspace(label);
  const db = getDb();
  const itemId = newId();
  const [a, b] = [newId(), newId()];
  await db.insert(contentItems).values({ workspaceId: ws.workspaceId, id: itemId, title: `${label} 新品海报`, category: "product" });
  await db.insert(contentVariants).values([
    { workspaceId: ws.workspaceId, itemId, id: a, label: "红色", position: 0, body: "红色海报" },
    { workspaceId: ws.workspaceId, itemId, id: b, label: "黄色", position: 1, body: "黄色海报" },
  ]);
  const groupIds = [newId(), newId(), newId(), newId()];
  await db.insert(groups).values(groupIds.map((id, i) => ({ workspaceId: ws.workspaceId, id, name: `${label} ${i + 1} 群`, stage: "active" as const })));
  const postRow = (groupId: string, inDays: number, status: "scheduled" | "draft" | "sent" = "scheduled") => ({
    workspaceId: ws.workspaceId,
    id: newId(),
    groupId,
    scheduledAt: new Date(Date.now() + inDays * DAY),
    status,
    category: "product" as const,
    contentItemId: itemId,
    variantId: a,
  });
  const waiting = [postRow(groupIds[0]!, 1), postRow(groupIds[1]!, 2, "draft"), postRow(groupIds[2]!, 3), postRow(groupIds[3]!, 4)];
  const sent = postRow(groupIds[0]!, -1, "sent");
  await db.insert(posts).values([...waiting, sent]);
  return { ws, itemId, a, b, groupIds, waiting, sent };
}

const input = (s: Awaited<ReturnType<typeof setup>>, extra: Record<string, unknown> = {}) => ({
  name: "海报颜色",
  contentItemId: s.itemId,
  variantAId: s.a,
  variantBId: s.b,
  groupIds: s.groupIds,
  mode: "by_group",
  minSample: "200",
  ...extra,
});

async function start(s: Awaited<ReturnType<typeof setup>>, extra: Record<string, unknown> = {}) {
  current.session = await sessionFor(s.ws.operator);
  const r = await startExperimentAction(s.ws.workspaceId, null, input(s, extra));
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

async function rollup(workspaceId: string, groupId: string, variantId: string, f: { reach: number; uniqueClicks: number; orders?: number; revenueCents?: number }, day = instantDay(new Date(), TZ)) {
  await getDb()
    .insert(dailyRollups)
    .values({ workspaceId, day, postId: NIL_UUID, groupId, variantId, reach: f.reach, clicks: f.uniqueClicks, uniqueClicks: f.uniqueClicks, orders: f.orders ?? 0, revenueCents: f.revenueCents ?? 0 });
}

const results = async (workspaceId: string, experimentId: string) => {
  const exp = await getExperiment(getDb(), { workspaceId, experimentId, timeZone: TZ });
  return getExperimentResults(getDb(), { workspaceId, experiment: exp!, timeZone: TZ });
};

describe("starting an A/B test", () => {
  it("records a balanced random assignment and puts the waiting posts on their group's variant", async () => {
    const s = await setup("ab-start");
    const { experimentId, updatedPosts } = await start(s);
    const rows = await getDb().select().from(experimentAssignments).where(eq(experimentAssignments.experimentId, experimentId));
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.variantId === s.a)).toHaveLength(2);
    expect(rows.filter((r) => r.variantId === s.b)).toHaveLength(2);
    const assigned = new Map(rows.map((r) => [r.groupId, r.variantId]));
    const after = await getDb().select().from(posts).where(eq(posts.workspaceId, s.ws.workspaceId));
    for (const p of s.waiting) {
      const now = after.find((x) => x.id === p.id)!;
      expect(now.variantId).toBe(assigned.get(p.groupId));
      expect(now.version).toBe(assigned.get(p.groupId) === s.a ? 1 : 2);
    }
    expect(updatedPosts).toBe(2);
    // A sent post is history: untouched.
    expect(after.find((x) => x.id === s.sent.id)).toMatchObject({ variantId: s.a, version: 1 });
    const [exp] = await getDb().select().from(experiments).where(eq(experiments.id, experimentId));
    expect(exp).toMatchObject({ status: "running", minSample: 200 });
  });

  it("puts posts planned after the start on their group's variant", async () => {
    const s = await setup("ab-later");
    const { experimentId, assignments } = await start(s);
    const bGroup = s.groupIds.find((g) => assignments[g] === s.b)!;
    const late = { id: newId(), groupId: bGroup, scheduledAt: new Date(Date.now() + 5 * DAY), category: "product" as const, contentItemId: s.itemId, variantId: s.a };
    expect(await assignedVariantFor(getDb(), { workspaceId: s.ws.workspaceId, groupId: bGroup, itemId: s.itemId, at: late.scheduledAt })).toBe(s.b);
    await getDb().transaction((tx) => createPosts(tx, s.ws.workspaceId, [late], s.ws.operator.id));
    const [row] = await getDb().select().from(posts).where(and(eq(posts.workspaceId, s.ws.workspaceId), eq(posts.id, late.id)));
    expect(row).toMatchObject({ variantId: s.b, version: 2 });
    expect(await applyExperiment(getDb(), { workspaceId: s.ws.workspaceId, experimentId })).toBe(0);
  });

  it("alternates week by week and records the weeks", async () => {
    const s = await setup("ab-weeks");
    const { experimentId, assignments } = await start(s, { mode: "alternate_weeks", groupIds: s.groupIds.slice(0, 2) });
    const rows = await getDb().select().from(experimentAssignments).where(eq(experimentAssignments.experimentId, experimentId));
    expect(rows.length).toBeGreaterThanOrEqual(16);
    const g = s.groupIds[0]!;
    const weeks = rows.filter((r) => r.groupId === g).sort((x, y) => x.weekStart.localeCompare(y.weekStart));
    expect(weeks[0]!.variantId).toBe(assignments[g]);
    expect(weeks[1]!.variantId).not.toBe(weeks[0]!.variantId);
    expect(weeks[2]!.variantId).toBe(weeks[0]!.variantId);
    // The two groups open with different variants.
    expect(assignments[s.groupIds[0]!]).not.toBe(assignments[s.groupIds[1]!]);
    const in3Weeks = new Date(Date.now() + 21 * DAY);
    expect(await assignedVariantFor(getDb(), { workspaceId: s.ws.workspaceId, groupId: g, itemId: s.itemId, at: in3Weeks })).toBe(weeks[1]!.variantId);
  });

  it("puts validation errors next to their fields", async () => {
    const s = await setup("ab-invalid");
    current.session = await sessionFor(s.ws.operator);
    const same = await startExperimentAction(s.ws.workspaceId, null, input(s, { variantBId: s.a }));
    expect(same).toMatchObject({ ok: false, fieldErrors: { variantBId: ["validation.experimentSameVariant"] } });
    const none = await startExperimentAction(s.ws.workspaceId, null, input(s, { groupIds: [] }));
    expect(none).toMatchObject({ ok: false, fieldErrors: { groupIds: ["validation.experimentNeedsGroups"] } });
    const small = await startExperimentAction(s.ws.workspaceId, null, input(s, { minSample: "5" }));
    expect(small).toMatchObject({ ok: false, fieldErrors: { minSample: ["validation.minSampleRange"] } });
    const foreign = await startExperimentAction(s.ws.workspaceId, null, input(s, { variantBId: newId() }));
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { variantBId: ["validation.experimentVariantNotOfItem"] } });
    await start(s);
    const twice = await startExperimentAction(s.ws.workspaceId, null, input(s, { name: "再来一次" }));
    expect(twice).toMatchObject({ ok: false, fieldErrors: { groupIds: ["validation.experimentOverlap"] } });
    const dup = await startExperimentAction(s.ws.workspaceId, null, input(s));
    expect(dup).toMatchObject({ ok: false, fieldErrors: { name: ["validation.experimentNameTaken"] } });
  });
});

describe("results", () => {
  it("says not enough data until each variant reaches the minimum sample, then gives the tests", async () => {
    const s = await setup("ab-results");
    const { experimentId, assignments } = await start(s);
    const onA = s.groupIds.filter((g) => assignments[g] === s.a);
    const onB = s.groupIds.filter((g) => assignments[g] === s.b);
    const ws = s.ws.workspaceId;
    await rollup(ws, onA[0]!, s.a, { reach: 150, uniqueClicks: 15 });
    await rollup(ws, onB[0]!, s.b, { reach: 500, uniqueClicks: 75 });
    let r = await results(ws, experimentId);
    expect(r).toMatchObject({ enoughData: false, verdict: "notEnoughData", zTest: null, probBBeatsA: null });
    expect(r.a.reach).toBe(150);
    // Rows of other groups or variants do not count.
    await rollup(ws, onA[1]!, NIL_UUID, { reach: 999, uniqueClicks: 1 });
    // Reach from before the start does not count either.
    await rollup(ws, onA[1]!, s.a, { reach: 999, uniqueClicks: 1 }, instantDay(new Date(Date.now() - 3 * DAY), TZ));
    await rollup(ws, onA[1]!, s.a, { reach: 850, uniqueClicks: 185, orders: 10, revenueCents: 50000 });
    await rollup(ws, onB[1]!, s.b, { reach: 500, uniqueClicks: 175, orders: 20, revenueCents: 90000 });
    r = await results(ws, experimentId);
    expect(r.a).toMatchObject({ reach: 1000, uniqueClicks: 200, orders: 10, clickRate: 0.2, payRate: 0.05, netRevenueCents: 50000 });
    expect(r.b).toMatchObject({ reach: 1000, uniqueClicks: 250, orders: 20, clickRate: 0.25 });
    expect(r.enoughData).toBe(true);
    expect(r.zTest!.pValue).toBeCloseTo(0.0074196, 5);
    expect(r.probBBeatsA).toBeCloseTo(0.99628333, 6);
    expect(r.verdict).toBe("bLikelyBetter");

    const csv = async (table: string) => {
      const res = await exportCsv(new Request(`http://localhost/w/${ws}/dashboards/experiments/export?table=${table}&experiment=${experimentId}`), { params: Promise.resolve({ workspace: ws }) });
      return { status: res.status, text: await res.text() };
    };
    const resultsCsv = await csv("results");
    expect(resultsCsv.status).toBe(200);
    expect(resultsCsv.text).toContain("红色,1000,200,20.00%,10,5.00%,500.00");
    expect(resultsCsv.text).toContain("黄色,1000,250,25.00%,20,8.00%,900.00,99.63%,2.677,0.0074");
    expect((await csv("daily")).text.split("\r\n").filter(Boolean)).toHaveLength(3); // header, today × 2 variants
    expect((await csv("list")).text).toContain("海报颜色");
  });

  it("declares a winner: decided, recorded, and the waiting posts switch to it", async () => {
    const s = await setup("ab-winner");
    const { experimentId } = await start(s);
    const bad = await declareWinnerAction(s.ws.workspaceId, null, { experimentId, winnerVariantId: newId() });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { winnerVariantId: ["validation.experimentWinnerNotInTest"] } });
    const r = await declareWinnerAction(s.ws.workspaceId, null, { experimentId, winnerVariantId: s.b });
    expect(r.ok).toBe(true);
    const [exp] = await getDb().select().from(experiments).where(eq(experiments.id, experimentId));
    expect(exp).toMatchObject({ status: "decided", winnerVariantId: s.b });
    expect(exp!.decidedAt).not.toBeNull();
    const after = await getDb().select().from(posts).where(eq(posts.workspaceId, s.ws.workspaceId));
    for (const p of s.waiting) expect(after.find((x) => x.id === p.id)!.variantId).toBe(s.b);
    expect(await declareWinnerAction(s.ws.workspaceId, null, { experimentId, winnerVariantId: s.a })).toMatchObject({ ok: false, error: "errors.experimentAlreadyDecided" });
    expect(await stopExperimentAction(s.ws.workspaceId, null, { experimentId })).toMatchObject({ ok: false, error: "errors.experimentNotRunning" });
  });

  it("stops a test without a winner", async () => {
    const s = await setup("ab-stop");
    const { experimentId } = await start(s);
    expect((await stopExperimentAction(s.ws.workspaceId, null, { experimentId })).ok).toBe(true);
    const [exp] = await getDb().select().from(experiments).where(eq(experiments.id, experimentId));
    expect(exp).toMatchObject({ status: "stopped", winnerVariantId: null });
  });
});

describe("who may", () => {
  it("refuses a viewer, and another workspace's test is not found", async () => {
    const s = await setup("ab-roles");
    current.session = await sessionFor(s.ws.viewer);
    expect(await startExperimentAction(s.ws.workspaceId, null, input(s))).toMatchObject({ ok: false, error: "errors.forbidden" });
    const { experimentId } = await start(s);
    current.session = await sessionFor(s.ws.viewer);
    expect(await declareWinnerAction(s.ws.workspaceId, null, { experimentId, winnerVariantId: s.a })).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await stopExperimentAction(s.ws.workspaceId, null, { experimentId })).toMatchObject({ ok: false, error: "errors.forbidden" });

    const other = await makeWorkspace("ab-other");
    current.session = await sessionFor(other.operator);
    expect(await declareWinnerAction(other.workspaceId, null, { experimentId, winnerVariantId: s.a })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await stopExperimentAction(other.workspaceId, null, { experimentId })).toMatchObject({ ok: false, error: "errors.notFound" });
    // Starting a test with another workspace's item and groups: the item is not found.
    expect(await startExperimentAction(other.workspaceId, null, input(s))).toMatchObject({ ok: false, fieldErrors: { contentItemId: ["validation.experimentItemNotFound"] } });
    // And the owner's workspace is not the other operator's.
    expect(await stopExperimentAction(s.ws.workspaceId, null, { experimentId })).toMatchObject({ ok: false, error: "errors.notFound" });
  });
});
