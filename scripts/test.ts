/**
 * `npm test`: every check and test layer, against a real PostgreSQL with the committed
 * migrations: lint, typecheck, drizzle-kit check, unit, integration, e2e (production build in
 * Chromium). Uses DATABASE_URL's server when set (creating throwaway databases on it), else an
 * embedded one. `npm test -- integration` or `-- e2e` runs one layer. Ends with the line
 * "N passed, N failed", summed over the runners (each static check counts as one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { runMigrations } from "../db/migrate";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

const only = process.argv[2] as "integration" | "e2e" | undefined;
const resultsDir = path.resolve(".data", "test-results");
const counts = { passed: 0, failed: 0 };
const bin = (name: string) => path.resolve("node_modules", ".bin", name);

function run(label: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}): boolean {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label: string, cmd: string, args: string[]) {
  const ok = run(label, cmd, args);
  counts[ok ? "passed" : "failed"]++;
}

/** Count a runner's tests from its JSON report; a runner that crashed before reporting is one failure. */
function tally(label: string, ok: boolean, report: string, read: (json: never) => { passed: number; failed: number }) {
  if (!existsSync(report)) {
    counts.failed++;
    console.error(`${label}: no report was written`);
    return;
  }
  const got = read(JSON.parse(readFileSync(report, "utf8")) as never);
  counts.passed += got.passed;
  counts.failed += got.failed + (!ok && got.failed === 0 ? 1 : 0);
  if (got.passed + got.failed === 0) {
    counts.failed++;
    console.error(`${label}: ran no test`);
  }
}

const vitestCounts = (j: { numPassedTests: number; numFailedTests: number }) => ({ passed: j.numPassedTests, failed: j.numFailedTests });
const playwrightCounts = (j: { stats: { expected: number; unexpected: number; flaky: number } }) => ({
  passed: j.stats.expected,
  failed: j.stats.unexpected + j.stats.flaky, // a test that needed a retry is a bug, not a pass
});

function vitest(label: string, config: string, report: string, env: Record<string, string | undefined> = {}) {
  rmSync(report, { force: true });
  const ok = run(label, bin("vitest"), ["run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile=${report}`], env);
  tally(label, ok, report, vitestCounts);
}

function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && existsSync(p));
}

async function withDatabases<T>(names: string[], fn: (urls: string[]) => Promise<T>): Promise<T> {
  let embedded: EmbeddedServer | undefined;
  let base = process.env.DATABASE_URL;
  if (!base) {
    embedded = await startEmbeddedPostgres({ name: "test-postgres", database: "postgres" });
    base = embedded.url;
  }
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const dbNames = names.map((n) => `qunyun_${n}_${stamp}`);
  const urls = dbNames.map((name) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  });
  try {
    for (const name of dbNames) await admin.unsafe(`create database "${name}"`);
    for (const url of urls) await runMigrations(url);
    return await fn(urls);
  } finally {
    for (const name of dbNames) await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
  }
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  process.env.AUTH_SECRET ??= "test-secret-for-npm-test-only-000000000000";
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  if (!only) {
    check("lint", bin("eslint"), ["."]);
    check("typecheck", bin("tsc"), ["--noEmit"]);
    check("drizzle-kit check", bin("drizzle-kit"), ["check"]);
    vitest("unit", "vitest.unit.config.ts", path.join(resultsDir, "unit.json"));
  }

  const chromium = findChromium();
  if (only !== "integration" && !chromium) {
    console.error(
      "\nNo Chromium found for the e2e tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) " +
        "or set CHROMIUM_PATH to a Chromium/Chrome binary. e2e is never skipped.",
    );
    counts.failed++;
  }

  await withDatabases(["it", "e2e"], async ([itUrl, e2eUrl]) => {
    if (only !== "e2e") {
      const uploads = path.join(resultsDir, "uploads");
      vitest("integration", "vitest.integration.config.ts", path.join(resultsDir, "integration.json"), { DATABASE_URL: itUrl, QUNYUN_UPLOAD_DIR: uploads });
      rmSync(uploads, { recursive: true, force: true });
    }
    if (only === "integration" || !chromium) return;
    if (!run("next build", bin("next"), ["build"])) {
      counts.failed++;
      return;
    }
    const report = path.join(resultsDir, "e2e.json");
    rmSync(report, { force: true });
    const ok = run("e2e (Playwright, Chromium)", bin("playwright"), ["test"], {
      E2E_DATABASE_URL: e2eUrl,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    });
    tally("e2e", ok, report, playwrightCounts);
  });

  console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log(`\n${counts.passed} passed, ${counts.failed + 1} failed`);
  process.exit(1);
});
