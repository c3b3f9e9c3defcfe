import { and, eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { dailyRollups, events } from "@/db/schema";
import { newId } from "@/lib/ids";
import { QUEUES } from "@/lib/jobs/queue";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { registerPartitionJob, startRollupWorker } from "./worker";

// Two worker processes, as two `npm run worker` would run them.
const bosses: PgBoss[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 2 });
    await boss.start();
    await startRollupWorker(boss, { tickSeconds: 1, pollingIntervalSeconds: 0.5 });
    await registerPartitionJob(boss, { pollingIntervalSeconds: 0.5 });
    bosses.push(boss);
  }
});
afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
  await closeDb();
});

describe("the rollup job", () => {
  it("keeps daily_rollups current from two workers, counting every event once", async () => {
    const { workspaceId } = await makeWorkspace("rollup-job");
    const group = newId();
    const rows = Array.from({ length: 50 }, (_, i) => {
      const id = newId();
      return { workspaceId, id, kind: i % 10 === 0 ? ("order" as const) : ("click" as const), occurredAt: new Date("2026-07-01T04:00:00Z"), groupId: group, amountCents: i % 10 === 0 ? 1000 : null, uniqueClick: i % 10 !== 0, idempotencyKey: `k:${id}` };
    });
    for (let i = 0; i < rows.length; i += 10) await getDb().insert(events).values(rows.slice(i, i + 10));
    const figures = async () => {
      const [r] = await getDb()
        .select({ clicks: sql<number>`sum(${dailyRollups.clicks})::int`, orders: sql<number>`sum(${dailyRollups.orders})::int`, revenue: sql<number>`sum(${dailyRollups.revenueCents})::int` })
        .from(dailyRollups)
        .where(and(eq(dailyRollups.workspaceId, workspaceId), eq(dailyRollups.groupId, group)));
      return r;
    };
    await expect.poll(figures, { timeout: 20_000, interval: 200 }).toEqual({ clicks: 45, orders: 5, revenue: 5000 });
  });

  it("schedules the daily partition job, which runs through the queue", async () => {
    const schedules = await bosses[0]!.getSchedules();
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining([QUEUES.eventPartitions, QUEUES.rollupTick]));
    const id = await bosses[0]!.send(QUEUES.eventPartitions, {});
    await expect.poll(async () => (await bosses[0]!.getJobById(QUEUES.eventPartitions, id!))?.state, { timeout: 20_000, interval: 200 }).toBe("completed");
  });
});
