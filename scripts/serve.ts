/**
 * `npm start` / `npm run dev`: the whole console with one command. Without DATABASE_URL it
 * starts the embedded PostgreSQL (and seeds the demo workspace on first run); it always applies
 * the migrations; `start` builds first when the build is missing or older than the sources
 * (unless QUNYUN_NO_BUILD=1, which the benchmarks set: they add a file to public/ for the run).
 * The web server runs as a child process: `start` runs scripts/web.ts (Next as a custom server,
 * with a fast path for live-code pages: lib/server/http.ts), `dev` runs `next dev`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runMigrations } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { EMBEDDED_URL_FILE, ensureAuthSecret } from "./env";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const nextBin = path.resolve("node_modules", ".bin", "next");
const tsxBin = path.resolve("node_modules", ".bin", "tsx");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = path.resolve(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "db", "i18n", "messages", "public", "package.json", "next.config.ts", "instrumentation.ts"];
  return Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs;
}

let embedded: EmbeddedServer | undefined;
let child: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      child?.once("exit", () => resolve(clearTimeout(timer)));
    });
  }
  if (embedded) {
    rmSync(EMBEDDED_URL_FILE, { force: true });
    await embedded.stop().catch((e) => console.error("[db] stop failed", e));
    console.log("[db] embedded PostgreSQL stopped");
  }
  process.exit(code);
}

async function main() {
  ensureAuthSecret();
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ name: "postgres", database: "qunyun" });
    process.env.DATABASE_URL = embedded.url;
    writeFileSync(EMBEDDED_URL_FILE, embedded.url, { mode: 0o600 });
    console.log(`[db] embedded PostgreSQL running (data: ${embedded.dataDir})`);
  }
  await runMigrations(process.env.DATABASE_URL);
  console.log("[db] migrations applied");

  if (embedded) {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty, closeDb } = await import("../db/seed");
    if (await seedDemoIfEmpty()) console.log("[db] demo workspace 示例门店 / Demo store created");
    await closeDb();
    console.log(`[demo] sign in with ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`).join(", ")}; password: ${DEMO_PASSWORD}`);
  }

  if (mode === "start" && process.env.QUNYUN_NO_BUILD !== "1" && buildIsStale()) {
    console.log("[build] building the console (first start or sources changed)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const env = { ...process.env, PORT: port };
  child =
    mode === "start"
      ? spawn(tsxBin, ["--conditions=react-server", path.resolve("scripts", "web.ts")], { stdio: "inherit", env })
      : spawn(nextBin, [mode, "-p", port], { stdio: "inherit", env });
  child.on("exit", (code) => void shutdown(code ?? 0));
  console.log(`[qunyun] http://localhost:${port}`);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
