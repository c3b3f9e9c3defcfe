/**
 * `npm run worker`: the job worker as its own process (run the web with QUNYUN_WORKER=off).
 * Uses DATABASE_URL, else the embedded server of a running `npm start`, else starts one.
 */
import { existsSync, readFileSync } from "node:fs";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { EMBEDDED_URL_FILE, ensureAuthSecret } from "./env";
import { runMigrations } from "../db/migrate";

// Webhook signing secrets are encrypted with a key derived from AUTH_SECRET (or
// QUNYUN_SECRET_KEY): the worker must use the same one as the web process.
ensureAuthSecret();

let embedded: EmbeddedServer | undefined;
if (!process.env.DATABASE_URL) {
  if (existsSync(EMBEDDED_URL_FILE)) {
    process.env.DATABASE_URL = readFileSync(EMBEDDED_URL_FILE, "utf8").trim();
  } else {
    embedded = await startEmbeddedPostgres({ name: "postgres", database: "qunyun" });
    process.env.DATABASE_URL = embedded.url;
  }
}
await runMigrations(process.env.DATABASE_URL);
const { startWorker } = await import("../lib/jobs/worker");
const boss = await startWorker(process.env.DATABASE_URL);
console.log("[worker] running; Ctrl-C to stop");

const stop = async () => {
  await boss.stop({ graceful: true, timeout: 10_000 });
  await embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
