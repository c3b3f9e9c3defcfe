import "server-only";
import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/queue";
import { startTick } from "@/lib/jobs/tick";
import { WebhookSender, type SenderOptions } from "./deliver";
import { markDuePosts, type DueOptions } from "./due";

const DISPATCH_QUEUE = QUEUES.dispatchTick;

/** Seconds between ticks: a post goes out within about this long after its time. */
export const TICK_SECONDS = 2;

export type DispatcherOptions = SenderOptions & Pick<DueOptions, "batchSize" | "graceMs"> & { tickSeconds?: number; idlePollMs?: number; pollingIntervalSeconds?: number };

/**
 * The dispatcher in one worker process.
 *
 * Making posts due: pg-boss cron is minute-granular, too coarse for "due at 20:00:00", so a
 * tick (lib/jobs/tick.ts) marks due whatever has reached its time every TICK_SECONDS. The tick
 * each worker queues when it starts is also the catch-up after downtime. Due-marking uses SKIP
 * LOCKED, so even overlapping ticks cannot double anything.
 *
 * Sending: every worker runs its own sender loop with bounded concurrency, so two workers double
 * the sending capacity. Deliveries are rows in post_deliveries, claimed with SKIP LOCKED and a
 * lease — the same mechanism pg-boss uses for jobs, but on the rows that carry the idempotency
 * key, the attempt count and the outcome, without a second job row per post. A sender is woken
 * when its own worker queued deliveries and otherwise polls every second.
 */
export async function startDispatcher(boss: PgBoss, opts: DispatcherOptions = {}): Promise<{ stop: () => Promise<void> }> {
  const db = getDb();
  const tickSeconds = opts.tickSeconds ?? TICK_SECONDS;
  const sender = new WebhookSender(db, opts);
  let stopped = false;
  let wake: (() => void) | undefined;
  let poked = false;
  const poke = () => {
    poked = true;
    wake?.();
  };

  await startTick(boss, DISPATCH_QUEUE, { seconds: tickSeconds, pollingIntervalSeconds: opts.pollingIntervalSeconds }, async () => {
    const result = await markDuePosts(db, { batchSize: opts.batchSize, graceMs: opts.graceMs, onDeliveries: poke, workspaceIds: opts.workspaceIds });
    if (result.late) console.log(`[dispatch] caught up ${result.late} posts missed while no worker ran (marked late)`);
    return result;
  });

  const loop = (async () => {
    while (!stopped) {
      poked = false;
      try {
        await sender.drain();
      } catch (error) {
        console.error("[dispatch] sender", error);
      }
      if (stopped) break;
      if (poked) {
        poked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.idlePollMs ?? 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  const stop = async () => {
    stopped = true;
    poke();
    await loop;
  };
  boss.once("stopped", () => void stop());
  return { stop };
}
