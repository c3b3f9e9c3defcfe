import "server-only";
import PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { startDispatcher } from "@/lib/dispatch/worker";
import { recomputeActivity } from "@/lib/members/activity-job";
import { runRosterImport } from "@/lib/members/importer/run";
import { registerPartitionJob, startRollupWorker } from "@/lib/rollups/worker";
import { logJobError, QUEUES } from "./queue";
import { runCleanup } from "./maintenance";

export { QUEUES } from "./queue";

/** Queues, schedules and handlers: the same in the web process and in `npm run worker`. */
export async function registerJobs(boss: PgBoss, opts: { pollingIntervalSeconds?: number } = {}) {
  await boss.createQueue(QUEUES.cleanup);
  await boss.schedule(QUEUES.cleanup, "*/10 * * * *");
  await boss.work(QUEUES.cleanup, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5 }, async () => {
    const removed = await runCleanup(getDb());
    if (removed.sessions || removed.invites) console.log(`[worker] cleanup removed ${removed.sessions} sessions, ${removed.invites} invites`);
    return removed;
  });
  // Scores decay with time, so they are recomputed every hour even when nothing happens.
  await boss.createQueue(QUEUES.activity);
  await boss.schedule(QUEUES.activity, "7 * * * *");
  await boss.work(QUEUES.activity, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5 }, async () => recomputeActivity(getDb()));
  // Imports are picked up within a second: someone is watching the progress bar.
  await boss.createQueue(QUEUES.rosterImport);
  await boss.work<{ workspaceId: string; importId: string; mode: "check" | "apply" }>(
    QUEUES.rosterImport,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
    async ([job]) => (job ? runRosterImport(getDb(), job.data) : null),
  );
  // Monthly event partitions ahead of time, once a day.
  await registerPartitionJob(boss, opts);
}

export async function startWorker(connectionString = process.env.DATABASE_URL): Promise<PgBoss> {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the worker needs the app's database.");
  const boss = new PgBoss({ connectionString, max: 3 });
  boss.on("error", (error) => logJobError("[worker]", error));
  await boss.start();
  await registerJobs(boss);
  // Not in registerJobs: the dispatcher sends for every workspace and runs its own sender loop,
  // so only real workers start it (tests drive lib/dispatch directly, scoped to their workspaces).
  await startDispatcher(boss);
  // Also global (every workspace's events): the rollup tick keeps daily_rollups current.
  await startRollupWorker(boss);
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
