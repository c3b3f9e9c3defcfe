import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { positionings, positioningVersions } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { contradictions } from "@/lib/positioning/checks";
import { getPlan, listPlans } from "@/lib/positioning/queries";
import type { Answers } from "@/lib/positioning/schema";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => (key === "copySuffix" ? " 副本" : key) }));

const { createPlanAction, duplicatePlanAction, restoreVersionAction, savePlanAction, archivePlanAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

async function planIn(label: string) {
  const ws = await makeWorkspace(label);
  current.session = await sessionFor(ws.operator);
  const created = await createPlanAction(ws.workspaceId, null, { name: "社区生鲜店专属福利群", starter: "restaurant" });
  if (!created.ok) throw new Error(created.error);
  const plan = await getPlan(getDb(), { workspaceId: ws.workspaceId, planId: created.data.planId });
  if (!plan) throw new Error("plan missing");
  return { ws, plan, planId: created.data.planId };
}

function edit(answers: Answers, change: (a: Answers) => void): Answers {
  const next = structuredClone(answers);
  change(next);
  return next;
}

describe("positioning checks on saved plans", () => {
  const cases: [string, (a: Answers) => void][] = [
    ["flashNoEnd", (a) => void ((a.fiveW1H.when.lifecycle = "flash"), (a.fiveW1H.when.endDate = null))],
    ["paidNoPrice", (a) => void (a.fiveElements.entry = { paid: true, priceCents: null })],
    ["conversionNoProduct", (a) => void ((a.typeThreshold.communityType = "conversion"), (a.products = []), (a.typeThreshold.threshold = "none"))],
    ["ageRange", (a) => void ((a.fiveElements.targetUsers.ageMin = 50), (a.fiveElements.targetUsers.ageMax = 20))],
  ];
  it.each(cases)("a plan saved with %s shows that contradiction", async (code, change) => {
    const { ws, plan, planId } = await planIn(`check-${code}`);
    const saved = await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: plan.name, answers: edit(plan.answers, change) });
    expect(saved).toEqual({ ok: true, data: { version: 2 } });
    const stored = await getPlan(getDb(), { workspaceId: ws.workspaceId, planId });
    expect(contradictions(stored!.answers).map((c) => c.code)).toEqual([code]);
    const [listed] = await listPlans(getDb(), { workspaceId: ws.workspaceId });
    expect(listed?.contradictions).toBe(1);
  });

  it("refuses out-of-range answers field by field and saves nothing", async () => {
    const { ws, plan, planId } = await planIn("bad-answers");
    const bad = edit(plan.answers, (a) => {
      a.fiveElements.targetUsers.ageMax = 130;
      a.fiveW1H.why = "x".repeat(2001);
      a.products[0]!.priceCents = -1;
    });
    const result = await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: "", answers: bad });
    expect(result).toMatchObject({
      ok: false,
      error: "errors.invalidInput",
      fieldErrors: {
        name: ["validation.required"],
        "answers.fiveElements.targetUsers.ageMax": ["validation.ageRange"],
        "answers.fiveW1H.why": ["validation.tooLong"],
        "answers.products.0.priceCents": ["validation.priceRange"],
      },
    });
    const versions = await getDb().select().from(positioningVersions).where(eq(positioningVersions.positioningId, planId));
    expect(versions).toHaveLength(1);
  });
});

describe("versions", () => {
  it("restore an old version as a new one, keeping history", async () => {
    const { ws, plan, planId } = await planIn("restore");
    await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: "改名后的方案", answers: edit(plan.answers, (a) => void (a.fiveW1H.why = "第二版")) });
    const restored = await restoreVersionAction(ws.workspaceId, null, { planId, version: "1" });
    expect(restored).toEqual({ ok: true, data: { version: 3 } });
    const now = await getPlan(getDb(), { workspaceId: ws.workspaceId, planId });
    expect(now).toMatchObject({ version: 3, name: plan.name });
    expect(now?.answers).toEqual(plan.answers);
    const history = await getDb()
      .select({ version: positioningVersions.version, restoredFrom: positioningVersions.restoredFrom })
      .from(positioningVersions)
      .where(and(eq(positioningVersions.workspaceId, ws.workspaceId), eq(positioningVersions.positioningId, planId)))
      .orderBy(positioningVersions.version);
    expect(history).toEqual([
      { version: 1, restoredFrom: null },
      { version: 2, restoredFrom: null },
      { version: 3, restoredFrom: 1 },
    ]);
  });

  it("do not let a second editor silently overwrite the first", async () => {
    const { ws, plan, planId } = await planIn("conflict");
    const first = await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: plan.name, answers: edit(plan.answers, (a) => void (a.fiveW1H.how = "储值卡")) });
    expect(first.ok).toBe(true);

    current.session = await sessionFor(ws.owner); // the second editor also started from version 1
    const mine = edit(plan.answers, (a) => void (a.fiveW1H.who = "学生"));
    const second = await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: plan.name, answers: mine });
    expect(second).toMatchObject({
      ok: false,
      error: "errors.planChanged",
      details: { currentVersion: 2, updatedByName: ws.operator.name, theirChanges: ["fiveW1H.how"] },
    });
    const stored = await getPlan(getDb(), { workspaceId: ws.workspaceId, planId });
    expect(stored?.answers.fiveW1H).toMatchObject({ how: "储值卡", who: plan.answers.fiveW1H.who });

    const overwrite = await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 2, name: plan.name, answers: mine });
    expect(overwrite).toEqual({ ok: true, data: { version: 3 } });
  });
});

describe("plans across workspaces and roles", () => {
  it("are not found from another workspace, for reads and every write", async () => {
    const { ws, plan, planId } = await planIn("home");
    const other = await makeWorkspace("elsewhere");
    current.session = await sessionFor(other.owner);
    expect(await getPlan(getDb(), { workspaceId: other.workspaceId, planId })).toBeNull();
    const answers = plan.answers;
    for (const result of [
      await savePlanAction(other.workspaceId, null, { planId, baseVersion: 1, name: "x", answers }),
      await restoreVersionAction(other.workspaceId, null, { planId, version: "1" }),
      await duplicatePlanAction(other.workspaceId, null, { planId }),
      await archivePlanAction(other.workspaceId, null, { planId, archived: "true" }),
      await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: "x", answers }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: "errors.notFound" });
    }
    const [row] = await getDb().select().from(positionings).where(eq(positionings.id, planId));
    expect(row).toMatchObject({ version: 1, archivedAt: null });
  });

  it("are read-only for viewers", async () => {
    const { ws, plan, planId } = await planIn("viewer");
    current.session = await sessionFor(ws.viewer);
    expect(await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: "x", answers: plan.answers })).toMatchObject({
      ok: false,
      error: "errors.forbidden",
    });
    expect(await createPlanAction(ws.workspaceId, null, { name: "新方案", starter: "" })).toMatchObject({ ok: false, error: "errors.forbidden" });
  });

  it("can be duplicated and archived; an archived plan refuses edits", async () => {
    const { ws, plan, planId } = await planIn("dup");
    const copy = await duplicatePlanAction(ws.workspaceId, null, { planId });
    expect(copy.ok).toBe(true);
    const copied = copy.ok ? await getPlan(getDb(), { workspaceId: ws.workspaceId, planId: copy.data.planId }) : null;
    expect(copied).toMatchObject({ name: `${plan.name} 副本`, version: 1, answers: plan.answers });
    expect(await archivePlanAction(ws.workspaceId, null, { planId, archived: "true" })).toMatchObject({ ok: true });
    expect(await savePlanAction(ws.workspaceId, null, { planId, baseVersion: 1, name: "x", answers: plan.answers })).toMatchObject({
      ok: false,
      error: "errors.planArchived",
    });
    expect((await listPlans(getDb(), { workspaceId: ws.workspaceId })).map((p) => p.id)).toEqual([copy.ok ? copy.data.planId : ""]);
  });
});
