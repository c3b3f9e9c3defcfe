/**
 * `npm run bench:redirect`: tracked links `/r/<code>` under load on loopback (autocannon, fixed
 * time), beside a static 302 on the same production server: `/r` (no code), a redirect to `/`
 * configured in next.config.ts `redirects()`, answered by Next's router from its routes manifest
 * with no rendering and no database — the cheapest 302 the app can give. Every `/r/<code>`
 * request is a new browser (no cookie), so each one writes a visitor row and a click event.
 * Afterwards the click events must equal the 302 answers: `redirect_lost_clicks` counts 302s
 * whose click is missing.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import type postgres from "postgres";
import { v7 } from "uuid";
import { freePort } from "../scripts/embedded";
import { figure, makeBenchGroup, makeBenchWorkspace, progress, runBench, withBenchDatabase } from "./lib";
import { ensureBuild, startServer, stopServer } from "./ingest-server";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function seed(sql: postgres.Sql): Promise<{ workspaceId: string; linkId: string; code: string }> {
  const { workspaceId } = await makeBenchWorkspace(sql, "bench-redirect");
  const groupId = await makeBenchGroup(sql, workspaceId, "福利 1 群");
  const postId = v7();
  await sql`insert into posts (workspace_id, id, group_id, scheduled_at, status, channel, category, title, body, sent_at)
            values (${workspaceId}, ${postId}, ${groupId}, now(), 'sent', 'manual', 'activity', '双十一', '今晚 8 点 https://shop.example.com/deal', now())`;
  const linkId = v7();
  const code = randomBytes(8).toString("base64url").replace(/[-_]/g, "x").slice(0, 7);
  await sql`insert into links (workspace_id, id, code, post_id, group_id, destination_url) values (${workspaceId}, ${linkId}, ${code}, ${postId}, ${groupId}, 'https://shop.example.com/deal')`;
  await sql`insert into public_codes (code, workspace_id, kind, target_id) values (${code}, ${workspaceId}, 'link', ${linkId})`;
  return { workspaceId, linkId, code };
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { "user-agent": "autocannon (bench:redirect)" } });
  return { rps: result.requests.average, p99: result.latency.p99, redirects: result["3xx"], other: result["1xx"] + result["2xx"] + result["4xx"] + result["5xx"], errors: result.errors + result.timeouts };
}

async function main() {
  ensureBuild();
  let server: ChildProcess | undefined;
  const onSignal = () => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await withBenchDatabase("redirect", async ({ url, sql }) => {
      const link = await seed(sql);
      const port = await freePort();
      server = await startServer(port, { DATABASE_URL: url, AUTH_SECRET: randomBytes(24).toString("hex") });
      const base = `http://127.0.0.1:${port}`;
      const probe = await fetch(`${base}/r/${link.code}`, { redirect: "manual" });
      const staticProbe = await fetch(`${base}/r`, { redirect: "manual" });
      if (probe.status !== 302 || staticProbe.status !== 302) throw new Error(`expected two 302s, got /r/<code> ${probe.status} and /r ${staticProbe.status}`);
      progress(`server on ${base}; ${CONNECTIONS} connections, ${DURATION_S} s per target`);
      const staticRun = await load(`${base}/r`);
      const linkRun = await load(`${base}/r/${link.code}`);
      await stopServer(server); // clicks in flight are committed or rolled back before counting
      const expected = linkRun.redirects + 1; // the probe above was a click too
      const [row] = await sql<{ clicks: number; unique: number; visitors: number }[]>`
        select (select count(*)::int from events where workspace_id = ${link.workspaceId} and kind = 'click' and link_id = ${link.linkId}) as clicks,
               (select count(*)::int from events where workspace_id = ${link.workspaceId} and kind = 'click' and link_id = ${link.linkId} and unique_click) as unique,
               (select count(*)::int from link_visitors where workspace_id = ${link.workspaceId} and link_id = ${link.linkId}) as visitors`;
      const clicks = row?.clicks ?? 0;
      progress(`static 302 (/r via next.config redirects): ${Math.round(staticRun.rps)} req/s, p99 ${staticRun.p99} ms, ${staticRun.redirects} 302, ${staticRun.other} other, ${staticRun.errors} errors`);
      progress(`/r/<code>: ${Math.round(linkRun.rps)} req/s, p99 ${linkRun.p99} ms, ${linkRun.redirects} 302, ${linkRun.other} other, ${linkRun.errors} errors`);
      progress(`clicks: ${clicks} events (${row?.unique} unique, ${row?.visitors} visitor rows), expected ${expected}`);
      // A request autocannon stopped waiting for at the end of its run may still have been
      // recorded: an extra click, not a lost one. Lost = a 302 whose click is not in the table.
      if (clicks > expected) progress(`${clicks - expected} clicks were recorded for requests autocannon stopped waiting for`);
      figure("redirect_throughput_ratio", linkRun.rps / staticRun.rps);
      figure("redirect_rps", Math.round(linkRun.rps));
      figure("redirect_p99_ms", linkRun.p99);
      figure("redirect_static_rps", Math.round(staticRun.rps));
      figure("redirect_static_p99_ms", staticRun.p99);
      figure("redirect_lost_clicks", Math.max(0, expected - clicks));
    });
  } finally {
    if (server) await stopServer(server);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

runBench(main);
