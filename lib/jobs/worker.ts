import "server-only";
import PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { runCleanup } from "./maintenance";

export const QUEUES = { cleanup: "maintenance-cleanup" } as const;

/** Queues, schedules and handlers: the same in the web process and in `npm run worker`. */
export async function registerJobs(boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}) {
  await boss.createQueue(QUEUES.cleanup);
  await boss.schedule(QUEUES.cleanup, "*/10 * * * *");
  await boss.work(QUEUES.cleanup, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5 }, async () => {
    const removed = await runCleanup(getDb());
    if (removed.sessions || removed.invites) console.log(`[worker] cleanup removed ${removed.sessions} sessions, ${removed.invites} invites`);
    return removed;
  });
}

export async function startWorker(connectionString = process.env.DATABASE_URL): Promise<PgBoss> {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the worker needs the app's database.");
  const boss = new PgBoss({ connectionString, max: 3 });
  boss.on("error", (error) => console.error("[worker]", error));
  await boss.start();
  await registerJobs(boss);
  return boss;
}

/** The worker inside the web process, stopped with it. */
export async function startInProcessWorker(): Promise<void> {
  const boss = await startWorker();
  const stop = () => void boss.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log("[worker] running in the web process");
}
