import "server-only";
import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/queue";
import { startTick } from "@/lib/jobs/tick";
import { applyRollups, ensureEventPartitions } from "./rollup";

/** Seconds between rollup ticks: a new event shows on the dashboards within about this long. */
export const ROLLUP_TICK_SECONDS = 3;

/**
 * The rollup worker in one worker process: a few-second tick (lib/jobs/tick.ts) that applies
 * the finished events to daily_rollups (lib/rollups/rollup.ts); the horizon row lock makes
 * overlapping ticks from several workers safe anyway.
 */
export async function startRollupWorker(boss: PgBoss, opts: { tickSeconds?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
  const db = getDb();
  const tickSeconds = opts.tickSeconds ?? ROLLUP_TICK_SECONDS;
  await startTick(boss, QUEUES.rollupTick, { seconds: tickSeconds, pollingIntervalSeconds: opts.pollingIntervalSeconds }, () => applyRollups(db));
}

/** The daily partition job: this month's and the next two months' event partitions exist. */
export async function registerPartitionJob(boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await boss.createQueue(QUEUES.eventPartitions);
  await boss.schedule(QUEUES.eventPartitions, "17 3 * * *");
  await boss.work(QUEUES.eventPartitions, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5 }, async () => ({ made: await ensureEventPartitions(getDb(), 3) }));
}
