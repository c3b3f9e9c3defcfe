/**
 * Shared setup for the benchmarks (`npm run bench:<name>`). Each bench gets a fresh database on
 * the server in DATABASE_URL (else on an embedded one), with the committed migrations applied,
 * and drops it at the end. Results are printed as `figure <name> <value>` lines; everything
 * else a bench prints must not start with "figure".
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { v7 } from "uuid";
import { closeDb } from "@/db/client";
import { runMigrations } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedServer } from "../scripts/embedded";

export type BenchDb = { url: string; sql: postgres.Sql; name: string };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Run `body` against a fresh, migrated database named qy_bench_<name>_<random>. Also points
 * DATABASE_URL at it, so that getDb() (used by lib code) talks to the same database.
 */
export async function withBenchDatabase(name: string, body: (db: BenchDb) => Promise<void>): Promise<void> {
  let embedded: EmbeddedServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ name: "bench-postgres", database: "postgres" });
    adminUrl = embedded.adminUrl;
    progress(`embedded PostgreSQL started (data: ${embedded.dataDir})`);
  }
  const database = `qy_bench_${name}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(withDatabase(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
  const url = withDatabase(adminUrl, database);
  let sql: postgres.Sql | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await closeDb().catch(() => undefined);
    await sql?.end({ timeout: 5 }).catch(() => undefined);
    // BENCH_KEEP_DB=1 leaves the database for a look with psql; drop it by hand afterwards.
    if (process.env.BENCH_KEEP_DB) progress(`kept database ${database}`);
    else await admin.unsafe(`drop database if exists "${database}" with (force)`).catch((e) => progress(`could not drop ${database}: ${String(e)}`));
    await admin.end({ timeout: 5 }).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  };
  // Ctrl-C still drops the database and stops the embedded server.
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await admin.unsafe(`create database "${database}"`);
    await runMigrations(url);
    process.env.DATABASE_URL = url;
    sql = postgres(url, { max: 4, onnotice: () => {} });
    progress(`database ${database} created and migrated`);
    await body({ url, sql, name: database });
  } finally {
    await cleanup();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** A workspace with one owner, written directly: benches need no password hashing. */
export async function makeBenchWorkspace(sql: postgres.Sql, label: string): Promise<{ workspaceId: string; userId: string }> {
  const workspaceId = v7();
  const userId = v7();
  await sql`insert into users (id, email, name, password_hash) values (${userId}, ${`${label}-${userId}@bench.test`}, ${label}, 'not-a-hash')`;
  await sql`insert into workspaces (id, name) values (${workspaceId}, ${label})`;
  await sql`insert into memberships (workspace_id, user_id, role) values (${workspaceId}, ${userId}, 'owner')`;
  return { workspaceId, userId };
}

export async function makeBenchGroup(sql: postgres.Sql, workspaceId: string, name: string): Promise<string> {
  const id = v7();
  await sql`insert into groups (workspace_id, id, name, stage, capacity) values (${workspaceId}, ${id}, ${name}, 'active', 500)`;
  return id;
}

/** A result line; the harness reads exactly `figure <name> <value>`. */
export function figure(name: string, value: number): void {
  const rounded = Number.isInteger(value) ? value : Number(value.toFixed(value >= 100 ? 0 : 3));
  console.log(`figure ${name} ${rounded}`);
}

/** Anything that is not a figure; never starts with "figure". */
export function progress(message: string): void {
  console.log(`[bench] ${message}`);
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Reject when `run` takes longer than `ms`: a bench must never hang the machine. */
export async function withTimeout<T>(label: string, ms: number, run: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took longer than ${Math.round(ms / 1000)} s; stopped`)), ms);
  });
  try {
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Run a bench's main and exit non-zero on failure (after its own cleanup has run). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
