import "server-only";
import type PgBoss from "pg-boss";
import { QUEUE_OPTIONS, QUEUES } from "./queue";

type TickQueue = typeof QUEUES.dispatchTick | typeof QUEUES.rollupTick;

/**
 * A job that runs every few seconds in whichever worker is free. pg-boss cron is
 * minute-granular, so the tick is a self-rescheduling job on a `stately` queue (at most one
 * queued and one running across all workers): each run queues the next one `seconds` later. A
 * cron schedule every minute restarts the chain if it ever breaks (all workers down, a tick
 * lost), and each worker queues a tick when it starts.
 */
export async function startTick<T>(boss: PgBoss, queue: TickQueue, opts: { seconds: number; pollingIntervalSeconds?: number }, run: () => Promise<T>): Promise<void> {
  let stopped = false;
  boss.once("stopped", () => {
    stopped = true;
  });
  await boss.createQueue(queue, { name: queue, ...QUEUE_OPTIONS[queue] });
  await boss.schedule(queue, "* * * * *");
  await boss.work(queue, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async () => {
    try {
      return await run();
    } finally {
      if (!stopped) await boss.send(queue, {}, { startAfter: opts.seconds }).catch((error) => console.error(`[${queue}] could not queue the next tick`, error));
    }
  });
  await boss.send(queue, {});
}
