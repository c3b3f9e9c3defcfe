import "server-only";
import PgBoss from "pg-boss";

export const QUEUES = {
  cleanup: "maintenance-cleanup",
  activity: "activity-recompute",
  rosterImport: "roster-import",
  dispatchTick: "dispatch-tick",
  rollupTick: "rollup-tick",
  eventPartitions: "event-partitions",
} as const;

/** Queues that are not "standard": whoever creates a queue first fixes its policy, so both handles use this. */
export const QUEUE_OPTIONS: Partial<Record<(typeof QUEUES)[keyof typeof QUEUES], Omit<PgBoss.Queue, "name">>> = {
  // At most one queued and one running tick across all workers (lib/dispatch/worker.ts).
  [QUEUES.dispatchTick]: { policy: "stately", retryLimit: 0, expireInSeconds: 120 },
  // The same for the rollup tick (lib/rollups/worker.ts).
  [QUEUES.rollupTick]: { policy: "stately", retryLimit: 0, expireInSeconds: 300 },
};

/**
 * pg-boss reports connection trouble as errors carrying the whole driver client: log one line.
 * A server shutting down (57P01) is expected when the app stops and is not worth a line at all.
 */
export function logJobError(prefix: string, error: unknown): void {
  if ((error as { code?: string }).code === "57P01") return;
  console.error(prefix, error instanceof Error ? error.message : error);
}

type Holder = { boss?: Promise<PgBoss> };
const holder = ((globalThis as { __qunyunBoss?: Holder }).__qunyunBoss ??= {});

/**
 * A pg-boss handle for sending jobs from the web process, which may run without the worker
 * (QUNYUN_WORKER=off): it neither supervises nor schedules, it only enqueues.
 */
export function jobSender(): Promise<PgBoss> {
  holder.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 2, supervise: false, schedule: false });
    boss.on("error", (error) => logJobError("[jobs]", error));
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
    return boss;
  })();
  return holder.boss;
}
