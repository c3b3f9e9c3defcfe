import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { costs, dailyRollups, groups, NIL_UUID, positionings, posts } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { newId } from "@/lib/ids";
import { listCosts, pilotComparison, roiByTarget, totalCostCents, workspaceFunnel } from "@/lib/roi/queries";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const { createCostAction, deleteCostAction, updateCostAction } = await import("./actions");
const { GET: exportCsv } = await import("./export/route");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const RANGE = { from: "2026-03-01", to: "2026-03-31" };

/** A plan with two groups (甲, 乙), a third group (丙) outside it, one post, and March's rollups. */
async function setup(label: string) {
  const ws = await makeWorkspace(label);
  const db = getDb();
  const planId = newId();
  await db.insert(positionings).values({ workspaceId: ws.workspaceId, id: planId, name: `${label} 咖啡爱好者`, answers: {} });
  const [g1, g2, g3] = [newId(), newId(), newId()];
  await db.insert(groups).values([
    { workspaceId: ws.workspaceId, id: g1, name: `${label} 甲群`, stage: "active", positioningId: planId },
    { workspaceId: ws.workspaceId, id: g2, name: `${label} 乙群`, stage: "active", positioningId: planId },
    { workspaceId: ws.workspaceId, id: g3, name: `${label} 丙群`, stage: "active" },
  ]);
  const postId = newId();
  await db.insert(posts).values({ workspaceId: ws.workspaceId, id: postId, groupId: g1, scheduledAt: new Date("2026-03-05T12:00:00Z"), status: "sent", category: "product", title: "新品上架" });
  const row = (day: string, groupId: string, postIdOf: string, reach: number, clicks: number, orders: number, revenueCents: number, refundCents = 0) => ({ workspaceId: ws.workspaceId, day, postId: postIdOf, groupId, variantId: NIL_UUID, reach, clicks, uniqueClicks: clicks, orders, revenueCents, refundCents });
  await db.insert(dailyRollups).values([
    row("2026-03-05", g1, postId, 500, 50, 5, 100000, 10000), // the post: ¥1,000 − ¥100 refund
    row("2026-03-06", g2, NIL_UUID, 300, 30, 3, 60000),
    row("2026-03-06", g3, NIL_UUID, 200, 10, 1, 20000),
    row("2026-04-02", g3, NIL_UUID, 999, 99, 9, 999900), // outside the range
  ]);
  return { ws, planId, g1, g2, g3, postId };
}

const cost = (extra: Record<string, unknown>) => ({ scope: "workspace", kind: "coupon", amount: "", staffHours: "", hourlyRate: "", incurredOn: "2026-03-10", note: "", planId: "", groupId: "", postId: "", campaign: "", ...extra });

describe("costs", () => {
  it("stores yuan as cents, prices staff hours, and lists them with their targets", async () => {
    const s = await setup("roi-costs");
    current.session = await sessionFor(s.ws.operator);
    const ws = s.ws.workspaceId;
    expect(await createCostAction(ws, null, cost({ scope: "group", groupId: s.g1, kind: "coupon", amount: "120.50", note: "满减券" }))).toMatchObject({ ok: true, data: { amountCents: 12050 } });
    expect(await createCostAction(ws, null, cost({ scope: "plan", planId: s.planId, kind: "staff", staffHours: "2.5", hourlyRate: "40" }))).toMatchObject({ ok: true, data: { amountCents: 10000 } });
    expect(await createCostAction(ws, null, cost({ scope: "campaign", campaign: "三八节", kind: "gift", amount: "¥300" }))).toMatchObject({ ok: true, data: { amountCents: 30000 } });
    const list = await listCosts(getDb(), { workspaceId: ws, ...RANGE });
    expect(list.map((c) => [c.scope, c.targetName, c.amountCents])).toEqual(expect.arrayContaining([["group", `roi-costs 甲群`, 12050], ["plan", "roi-costs 咖啡爱好者", 10000], ["campaign", "三八节", 30000]]));
    expect(list.find((c) => c.kind === "staff")).toMatchObject({ staffHours: "2.50", hourlyRateCents: 4000 });
    expect(await totalCostCents(getDb(), { workspaceId: ws, ...RANGE })).toBe(52050);

    const groupCost = list.find((c) => c.scope === "group")!;
    expect(await updateCostAction(ws, null, { ...cost({ scope: "post", postId: s.postId, kind: "ads", amount: "200" }), costId: groupCost.id })).toMatchObject({ ok: true });
    expect(await deleteCostAction(ws, null, { costId: list.find((c) => c.scope === "campaign")!.id })).toMatchObject({ ok: true });
    expect(await totalCostCents(getDb(), { workspaceId: ws, ...RANGE })).toBe(30000);
  });

  it("puts validation errors next to their fields", async () => {
    const s = await setup("roi-invalid");
    current.session = await sessionFor(s.ws.operator);
    const ws = s.ws.workspaceId;
    expect(await createCostAction(ws, null, cost({ amount: "12.345" }))).toMatchObject({ ok: false, fieldErrors: { amount: ["validation.yuan"] } });
    expect(await createCostAction(ws, null, cost({ amount: "-3" }))).toMatchObject({ ok: false, fieldErrors: { amount: ["validation.yuan"] } });
    expect(await createCostAction(ws, null, cost({ amount: "0" }))).toMatchObject({ ok: false, fieldErrors: { amount: ["validation.yuan"] } });
    expect(await createCostAction(ws, null, cost({ kind: "staff", staffHours: "abc", hourlyRate: "40" }))).toMatchObject({ ok: false, fieldErrors: { staffHours: ["validation.hours"] } });
    expect(await createCostAction(ws, null, cost({ scope: "group", amount: "10" }))).toMatchObject({ ok: false, fieldErrors: { groupId: ["validation.required"] } });
    expect(await createCostAction(ws, null, cost({ scope: "campaign", amount: "10" }))).toMatchObject({ ok: false, fieldErrors: { campaign: ["validation.required"] } });
    expect(await createCostAction(ws, null, cost({ amount: "10", incurredOn: "2026-02-30x" }))).toMatchObject({ ok: false, fieldErrors: { incurredOn: ["validation.date"] } });
    expect(await getDb().select().from(costs).where(eq(costs.workspaceId, ws))).toEqual([]);
  });

  it("refuses a viewer; another workspace's cost or group is not found", async () => {
    const s = await setup("roi-roles");
    current.session = await sessionFor(s.ws.viewer);
    expect(await createCostAction(s.ws.workspaceId, null, cost({ amount: "10" }))).toMatchObject({ ok: false, error: "errors.forbidden" });
    current.session = await sessionFor(s.ws.operator);
    const made = await createCostAction(s.ws.workspaceId, null, cost({ amount: "10" }));
    const costId = made.ok ? made.data.costId : "";
    current.session = await sessionFor(s.ws.viewer);
    expect(await deleteCostAction(s.ws.workspaceId, null, { costId })).toMatchObject({ ok: false, error: "errors.forbidden" });

    const other = await makeWorkspace("roi-other");
    current.session = await sessionFor(other.operator);
    expect(await deleteCostAction(other.workspaceId, null, { costId })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await updateCostAction(other.workspaceId, null, { ...cost({ amount: "10" }), costId })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await createCostAction(other.workspaceId, null, cost({ scope: "group", groupId: s.g1, amount: "10" }))).toMatchObject({ ok: false, fieldErrors: { groupId: ["validation.costTargetNotFound"] } });
    expect(await deleteCostAction(s.ws.workspaceId, null, { costId })).toMatchObject({ ok: false, error: "errors.notFound" });
  });
});

describe("ROI", () => {
  it("divides the revenue attributed to each target (net of refunds) by its cost", async () => {
    const s = await setup("roi-math");
    current.session = await sessionFor(s.ws.operator);
    const ws = s.ws.workspaceId;
    await createCostAction(ws, null, cost({ scope: "plan", planId: s.planId, amount: "500" }));
    await createCostAction(ws, null, cost({ scope: "post", postId: s.postId, amount: "300" }));
    await createCostAction(ws, null, cost({ scope: "group", groupId: s.g3, amount: "100" }));
    await createCostAction(ws, null, cost({ scope: "workspace", kind: "ads", amount: "100" }));
    await createCostAction(ws, null, cost({ scope: "campaign", campaign: "三八节", amount: "50" }));
    await createCostAction(ws, null, cost({ scope: "group", groupId: s.g3, amount: "999", incurredOn: "2026-04-01" }));
    const rows = await roiByTarget(getDb(), { workspaceId: ws, ...RANGE });
    const by = (scope: string) => rows.find((r) => r.scope === scope)!;
    expect(by("plan")).toMatchObject({ costCents: 50000, reach: 800, netRevenueCents: 150000, roi: 3 });
    expect(by("post")).toMatchObject({ costCents: 30000, netRevenueCents: 90000, roi: 3 });
    expect(by("group")).toMatchObject({ costCents: 10000, netRevenueCents: 20000, roi: 2 });
    expect(by("workspace")).toMatchObject({ costCents: 10000, reach: 1000, netRevenueCents: 170000, roi: 17 });
    expect(by("campaign")).toMatchObject({ costCents: 5000, roi: null, hasRevenue: false });
    const funnel = await workspaceFunnel(getDb(), { workspaceId: ws, ...RANGE });
    expect(funnel).toEqual({ reach: 1000, uniqueClicks: 90, orders: 9, revenueCents: 180000, refundCents: 10000 });
  });

  it("compares a pilot set of groups with the rest", async () => {
    const s = await setup("roi-pilot");
    current.session = await sessionFor(s.ws.operator);
    const ws = s.ws.workspaceId;
    await createCostAction(ws, null, cost({ scope: "post", postId: s.postId, amount: "300" }));
    await createCostAction(ws, null, cost({ scope: "group", groupId: s.g3, amount: "100" }));
    await createCostAction(ws, null, cost({ scope: "workspace", amount: "70" }));
    const r = await pilotComparison(getDb(), { workspaceId: ws, ...RANGE, pilotGroupIds: [s.g1] });
    expect(r.pilot).toMatchObject({ reach: 500, uniqueClicks: 50, orders: 5, netRevenueCents: 90000, revenuePerReachCents: 180, costCents: 30000, roi: 3 });
    expect(r.rest).toMatchObject({ reach: 500, uniqueClicks: 40, orders: 4, netRevenueCents: 80000, revenuePerReachCents: 160, costCents: 10000, roi: 8 });
    expect(r.unsplitCostCents).toBe(7000);
  });

  it("exports the ROI table as CSV with formulas escaped", async () => {
    const s = await setup("roi-csv");
    current.session = await sessionFor(s.ws.operator);
    const ws = s.ws.workspaceId;
    await createCostAction(ws, null, cost({ scope: "campaign", campaign: "=HYPERLINK(1)", amount: "50" }));
    const res = await exportCsv(new Request(`http://localhost/w/${ws}/dashboards/roi/export?table=costs&from=${RANGE.from}&to=${RANGE.to}`), { params: Promise.resolve({ workspace: ws }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("'=HYPERLINK(1)");
    expect(text).toContain("50.00");
    current.session = await sessionFor((await makeWorkspace("roi-csv-other")).operator);
    const foreign = await exportCsv(new Request(`http://localhost/w/${ws}/dashboards/roi/export?table=costs`), { params: Promise.resolve({ workspace: ws }) });
    expect(foreign.status).toBe(404);
  });
});
