import "server-only";
import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUE_OPTIONS, QUEUES } from "@/lib/jobs/queue";
import { applyRollups, ensureEventPartitions } from "./rollup";

/** Seconds between rollup ticks: a new event shows on the dashboards within about this long. */
export const ROLLUP_TICK_SECONDS = 3;

/**
 * The rollup worker in one worker process: a self-rescheduling tick on a `stately` queue (at most
 * one queued and one running across all workers), restarted every minute by a cron schedule if
 * the chain ever breaks, as the dispatcher does. Each tick applies the finished events to
 * daily_rollups (lib/rollups/rollup.ts); the horizon row lock makes overlapping ticks from
 * several workers safe anyway.
 */
export async function startRollupWorker(boss: PgBoss, opts: { tickSeconds?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
  const db = getDb();
  const tickSeconds = opts.tickSeconds ?? ROLLUP_TICK_SECONDS;
  let stopped = false;
  boss.once("stopped", () => {
    stopped = true;
  });
  await boss.createQueue(QUEUES.rollupTick, { name: QUEUES.rollupTick, ...QUEUE_OPTIONS[QUEUES.rollupTick] });
  await boss.schedule(QUEUES.rollupTick, "* * * * *");
  await boss.work(QUEUES.rollupTick, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async () => {
    try {
      return await applyRollups(db);
    } finally {
      if (!stopped) await boss.send(QUEUES.rollupTick, {}, { startAfter: tickSeconds }).catch((error) => console.error("[rollups] could not queue the next tick", error));
    }
  });
  await boss.send(QUEUES.rollupTick, {});
}

/** The daily partition job: this month's and the next two months' event partitions exist. */
export async function registerPartitionJob(boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await boss.createQueue(QUEUES.eventPartitions);
  await boss.schedule(QUEUES.eventPartitions, "17 3 * * *");
  await boss.work(QUEUES.eventPartitions, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5 }, async () => ({ made: await ensureEventPartitions(getDb(), 3) }));
}
