import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { events, groupMemberships, groups, members, memberScoreHistory } from "@/db/schema";
import { listGroupHealth } from "@/lib/groups/health-queries";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { decayedScore, DEFAULT_ACTIVITY_RULE } from "./activity";
import { recomputeActivity } from "./activity-job";
import { saveActivityRule } from "./rule-commands";

afterAll(closeDb);

const now = new Date("2026-11-23T04:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

async function seedGroup(workspaceId: string, size: number, opts: { stage?: "active" | "planned"; plannedEnd?: string } = {}) {
  const groupId = newId();
  await getDb().insert(groups).values({ workspaceId, id: groupId, name: `群 ${groupId.slice(-4)}`, stage: opts.stage ?? "active", plannedEnd: opts.plannedEnd });
  const ids = Array.from({ length: size }, () => newId());
  await getDb().insert(members).values(ids.map((id, i) => ({ workspaceId, id, nickname: `成员${i}` })));
  await getDb()
    .insert(groupMemberships)
    .values(ids.map((memberId) => ({ workspaceId, id: newId(), groupId, memberId, joinedAt: daysAgo(60) })));
  return { groupId, ids };
}

const event = (workspaceId: string, memberId: string, kind: "order" | "join" | "click" | "message", at: Date) => ({
  workspaceId,
  id: newId(),
  kind,
  occurredAt: at,
  memberId,
  idempotencyKey: newId(),
});

describe("the activity job", () => {
  it("scores members with the decay arithmetic of the rule, and records the day's score", async () => {
    const ws = await makeWorkspace("score");
    const { ids } = await seedGroup(ws.workspaceId, 2);
    const [active, quiet] = ids as [string, string];
    const history = [
      { kind: "order" as const, at: daysAgo(0) },
      { kind: "join" as const, at: daysAgo(14) },
      { kind: "click" as const, at: daysAgo(28) },
    ];
    await getDb().insert(events).values(history.map((h) => event(ws.workspaceId, active, h.kind, h.at)));
    await recomputeActivity(getDb(), { now, workspaceId: ws.workspaceId });

    const score = async (id: string) =>
      (await getDb().select().from(members).where(and(eq(members.workspaceId, ws.workspaceId), eq(members.id, id))))[0];
    const expected = decayedScore(history, DEFAULT_ACTIVITY_RULE, now); // 5 + 0.5 + 0.5 with a 14-day half-life
    expect(expected).toBeCloseTo(6, 10);
    expect((await score(active))?.activityScore).toBeCloseTo(expected, 4);
    expect((await score(active))?.lastActiveAt?.toISOString()).toBe(now.toISOString());
    expect((await score(quiet))?.activityScore).toBe(0);

    await getDb().transaction((tx) =>
      saveActivityRule(tx, { workspaceId: ws.workspaceId, rule: { message: 1, click: 2, order: 10, join: 1, halfLifeDays: 7, recallBelow: 2, silentDays: 14, deadActiveRatio: 5, deadSilentDays: 7 } }),
    );
    await recomputeActivity(getDb(), { now, workspaceId: ws.workspaceId });
    expect((await score(active))?.activityScore).toBeCloseTo(10 + 1 / 4 + 2 / 16, 4);
    const days = await getDb().select().from(memberScoreHistory).where(and(eq(memberScoreHistory.workspaceId, ws.workspaceId), eq(memberScoreHistory.memberId, active)));
    expect(days).toHaveLength(1);
    expect(days[0]?.day).toBe("2026-11-23");
  });
});

describe("group health", () => {
  it("warns of a dead group until enough members are active again", async () => {
    const ws = await makeWorkspace("dead");
    const { groupId, ids } = await seedGroup(ws.workspaceId, 20);
    await recomputeActivity(getDb(), { now, workspaceId: ws.workspaceId });
    const health = async () => (await listGroupHealth(getDb(), { workspaceId: ws.workspaceId, groupId, now }))[0];
    expect(await health()).toMatchObject({ dead: true, activeRatio: 0, counts: { membersNow: 20, joined30: 0 } });

    await getDb().insert(events).values(ids.slice(0, 3).map((id) => event(ws.workspaceId, id, "message", daysAgo(1))));
    await recomputeActivity(getDb(), { now, workspaceId: ws.workspaceId });
    expect(await health()).toMatchObject({ dead: false, activeRatio: 0.15, daysSinceActivity: 1 });
  });

  it("flags a flash group past its planned end, and leaves planned groups alone", async () => {
    const ws = await makeWorkspace("overdue");
    const flash = await seedGroup(ws.workspaceId, 2, { plannedEnd: "2026-11-01" });
    const planned = await seedGroup(ws.workspaceId, 2, { stage: "planned" });
    const all = await listGroupHealth(getDb(), { workspaceId: ws.workspaceId, now });
    expect(all.find((h) => h.id === flash.groupId)).toMatchObject({ overdue: true });
    expect(all.find((h) => h.id === planned.groupId)).toMatchObject({ overdue: false, dead: false });
  });
});
