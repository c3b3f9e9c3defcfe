/**
 * Runs once per server process. The job worker runs inside the web process unless
 * QUNYUN_WORKER=off (then run `npm run worker` as its own process).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.QUNYUN_WORKER === "off") return;
  const { startInProcessWorker } = await import("./lib/jobs/worker");
  await startInProcessWorker();
}
