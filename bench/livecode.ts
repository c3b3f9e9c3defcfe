/**
 * `npm run bench:livecode`: the public live-code page `/j/<slug>` under load, against a static
 * file of the same size served by the same production server (`npm start`'s, through Next), both
 * with autocannon on loopback for a fixed time. Every request is a new visitor (no cookie): the two target groups fill up
 * (500 each) and the rest see "please contact the store", which is recorded too. Afterwards the
 * scans in the database must equal the requests that got a 2xx answer.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync, statSync, utimesSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type postgres from "postgres";
import QRCode from "qrcode";
import { v7 } from "uuid";
import { renderLanding } from "@/lib/livecodes/landing";
import zh from "@/messages/livecodes.zh-CN.json";
import { freePort } from "../scripts/embedded";
import { figure, makeBenchGroup, makeBenchWorkspace, progress, runBench, withBenchDatabase, withTimeout } from "./lib";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CAPACITY = 500;
const STORE = "bench-livecode";
const nextBin = path.resolve("node_modules", ".bin", "next");
const tsxBin = path.resolve("node_modules", ".bin", "tsx");

/** A live code with two groups whose QR images are real PNGs in a private upload folder. */
async function seed(sql: postgres.Sql, uploadDir: string): Promise<{ slug: string; workspaceId: string; liveCodeId: string }> {
  const { workspaceId } = await makeBenchWorkspace(sql, STORE);
  const liveCodeId = v7();
  const slug = `bench-${randomBytes(4).toString("hex")}`;
  await sql`insert into live_codes (workspace_id, id, slug, name, channel, capacity) values (${workspaceId}, ${liveCodeId}, ${slug}, '门店海报', '门店海报', ${CAPACITY})`;
  await sql`insert into public_codes (code, workspace_id, kind, target_id) values (${slug}, ${workspaceId}, 'live_code', ${liveCodeId})`;
  for (const [position, name] of ["福利 1 群", "福利 2 群"].entries()) {
    const groupId = await makeBenchGroup(sql, workspaceId, name);
    const png = await QRCode.toBuffer(`https://weixin.qq.com/g/${name}`);
    const uploadId = v7();
    const key = randomBytes(16).toString("hex");
    await mkdir(path.join(uploadDir, "images", workspaceId), { recursive: true });
    await writeFile(path.join(uploadDir, "images", workspaceId, key), png);
    await sql`insert into uploads (workspace_id, id, storage_key, mime_type, size_bytes) values (${workspaceId}, ${uploadId}, ${key}, 'image/png', ${png.length})`;
    await sql`insert into live_code_targets (workspace_id, id, live_code_id, group_id, position, qr_upload_id, qr_expires_at)
              values (${workspaceId}, ${v7()}, ${liveCodeId}, ${groupId}, ${position}, ${uploadId}, now() + interval '6 days')`;
  }
  return { slug, workspaceId, liveCodeId };
}

/**
 * The production server as `npm start` runs it (scripts/serve.ts start), on the build made above:
 * the static file then goes through Next and `/j/<slug>` through the server's fast path.
 */
async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // Its own process group, so stopping it also stops anything it started, and nothing else.
  const child = spawn(tsxBin, ["--conditions=react-server", "scripts/serve.ts", "start"], {
    env: { ...process.env, ...env, PORT: String(port), QUNYUN_NO_BUILD: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /api/health within 60 s");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await withTimeout("stopping the server", 15_000, exited).catch(() => process.kill(-child.pid!, "SIGKILL"));
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { "user-agent": "autocannon (bench:livecode)" } });
  return { rps: result.requests.average, p99: result.latency.p99, ok: result["2xx"], other: result.non2xx, errors: result.errors + result.timeouts };
}

async function main() {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) {
    progress("no production build yet: running next build");
    if (spawnSync(nextBin, ["build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  const uploadDir = await mkdtemp(path.join(tmpdir(), "qy-bench-livecode-"));
  // The static page: the landing page a visitor sees once both groups are full, byte for byte in size.
  const staticName = `bench-static-${randomBytes(4).toString("hex")}.html`;
  const staticFile = path.resolve("public", staticName);
  // public/ gets its time back afterwards, or the next `npm start` would think the build stale.
  const publicDir = statSync(path.resolve("public"));
  const removeStaticFile = () => {
    rmSync(staticFile, { force: true });
    utimesSync(path.resolve("public"), publicDir.atime, publicDir.mtime);
  };
  let server: ChildProcess | undefined;
  // Ctrl-C: bench/lib drops the database and exits; the server and the static file go here.
  const onSignal = () => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    removeStaticFile();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await withBenchDatabase("livecode", async ({ url, sql }) => {
      const code = await seed(sql, uploadDir);
      const full = renderLanding({ kind: "full", storeName: STORE }, zh.livePublic, "zh-CN");
      await writeFile(staticFile, full);
      const port = await freePort();
      server = await startServer(port, { DATABASE_URL: url, AUTH_SECRET: randomBytes(24).toString("hex"), QUNYUN_WORKER: "off", QUNYUN_UPLOAD_DIR: uploadDir, NEXT_TELEMETRY_DISABLED: "1" });
      const base = `http://127.0.0.1:${port}`;
      progress(`server on ${base}; ${CONNECTIONS} connections, ${DURATION_S} s per target`);
      const staticRun = await load(`${base}/${staticName}`);
      const liveRun = await load(`${base}/j/${code.slug}`);
      const sample = await fetch(`${base}/j/${code.slug}`).then((r) => r.text());
      const expected = liveRun.ok + 1; // the sample request above is a scan too
      await stopServer(server); // in-flight scans are finished or rolled back before counting
      const [row] = await sql<{ rows: number; counter: number; filled: number }[]>`
        select (select count(*)::int from live_code_scans where workspace_id = ${code.workspaceId} and live_code_id = ${code.liveCodeId}) as rows,
               (select scan_count::int from live_codes where workspace_id = ${code.workspaceId} and id = ${code.liveCodeId}) as counter,
               (select coalesce(sum(assigned_count), 0)::int from live_code_targets where workspace_id = ${code.workspaceId} and live_code_id = ${code.liveCodeId}) as filled`;
      const recorded = row?.rows ?? 0;
      progress(`static: ${Math.round(staticRun.rps)} req/s, p99 ${staticRun.p99} ms, ${staticRun.ok} ok, ${staticRun.other} other, ${staticRun.errors} errors`);
      progress(`/j: ${Math.round(liveRun.rps)} req/s, p99 ${liveRun.p99} ms, ${liveRun.ok} ok, ${liveRun.other} other, ${liveRun.errors} errors`);
      progress(`page sizes: /j ${Buffer.byteLength(sample)} B (last response), static ${Buffer.byteLength(full)} B`);
      progress(`scans: ${recorded} rows, counter ${row?.counter}, expected ${expected}; groups filled ${row?.filled} of ${2 * CAPACITY}`);
      // Requests cut off by autocannon at the end of its run may still have been recorded: those
      // are extra rows, not lost ones. Lost = answered 2xx but not in the table.
      if (recorded > expected) progress(`${recorded - expected} scans were recorded for requests autocannon stopped waiting for`);
      if (row?.counter !== recorded) progress("the scan counter disagrees with the scan rows");
      if ((row?.filled ?? 0) > 2 * CAPACITY) progress("a group was filled past its capacity");
      figure("livecode_throughput_ratio", liveRun.rps / staticRun.rps);
      figure("livecode_rps", Math.round(liveRun.rps));
      figure("livecode_p99_ms", liveRun.p99);
      figure("static_rps", Math.round(staticRun.rps));
      figure("livecode_lost_scans", Math.max(0, expected - recorded));
    });
  } finally {
    if (server) await stopServer(server);
    removeStaticFile();
    await rm(uploadDir, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

runBench(main);
