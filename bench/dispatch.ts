/**
 * `npm run bench:dispatch`: 10,000 webhook posts due in the same minute, across 4 workspaces
 * and 20 groups, sent by the real worker (`scripts/worker.ts`, BENCH_WORKERS processes, default
 * 2) to a receiver on loopback that counts deliveries by idempotency key and checks signatures.
 * Prints the lag from due time to arrival (p95), duplicates, lost posts and throughput.
 *
 * The workers get QUNYUN_OUTBOUND_ALLOW_PRIVATE=1 because the receiver is on 127.0.0.1; that
 * variable exists for this kind of local run only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type postgres from "postgres";
import { getDb } from "@/db/client";
import { createPosts, type NewPost } from "@/lib/calendar/posts";
import { encryptSecret, newSigningSecret } from "@/lib/crypto/secrets";
import { HEADERS, verifySignature } from "@/lib/dispatch/signature";
import { figure, makeBenchGroup, makeBenchWorkspace, percentile, progress, runBench, withBenchDatabase, withTimeout } from "./lib";

const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WORKSPACES = 4;
const GROUPS_PER_WORKSPACE = 5;
const tsx = path.resolve("node_modules", ".bin", "tsx");

type Receiver = { url: string; firstAt: Map<string, number>; requests: number; repeats: number; badSignatures: number; close: () => Promise<void> };

async function startReceiver(secrets: Map<string, string>): Promise<Receiver> {
  const r = { firstAt: new Map<string, number>(), requests: 0, repeats: 0, badSignatures: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      const key = String(req.headers[HEADERS.idempotencyKey.toLowerCase()]);
      r.requests++;
      // A receiver dedupes on the key; the bench counts what it would have dropped.
      if (r.firstAt.has(key)) r.repeats++;
      else r.firstAt.set(key, at);
      const workspaceId = (JSON.parse(body) as { workspaceId: string }).workspaceId;
      const sig = { timestamp: req.headers[HEADERS.timestamp.toLowerCase()] as string, signature: req.headers[HEADERS.signature.toLowerCase()] as string };
      if (!verifySignature(secrets.get(workspaceId) ?? "", sig, body)) r.badSignatures++;
      res.writeHead(200).end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(r, { url: `http://127.0.0.1:${port}/hook`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

async function seed(sql: postgres.Sql, receiverUrl: string, dueAt: Date) {
  const secrets = new Map<string, string>();
  const perWorkspace = Math.ceil(POSTS / WORKSPACES);
  let left = POSTS;
  for (let w = 0; w < WORKSPACES; w++) {
    const { workspaceId } = await makeBenchWorkspace(sql, `bench-dispatch-${w}`);
    const secret = newSigningSecret();
    secrets.set(workspaceId, secret);
    await sql`insert into calendar_settings (workspace_id, webhook_url, webhook_secret_enc, webhook_max_attempts)
              values (${workspaceId}, ${receiverUrl}, ${encryptSecret(secret, `${workspaceId}:webhook`)}, 5)`;
    const groupIds: string[] = [];
    for (let g = 0; g < GROUPS_PER_WORKSPACE; g++) groupIds.push(await makeBenchGroup(sql, workspaceId, `福利 ${g + 1} 群`));
    const count = Math.min(perWorkspace, left);
    left -= count;
    const rows: NewPost[] = Array.from({ length: count }, (_, i) => ({
      groupId: groupIds[i % groupIds.length]!,
      scheduledAt: dueAt,
      channel: "webhook",
      category: (["product", "values", "interaction", "activity"] as const)[i % 4]!,
      title: `限时秒杀 ${i + 1}`,
      body: `今晚 20:00 开抢,第 ${i + 1} 号商品,数量有限。`,
    }));
    await getDb().transaction((tx) => createPosts(tx, workspaceId, rows, null));
  }
  return secrets;
}

function startWorker(n: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(tsx, ["--conditions=react-server", "scripts/worker.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"], detached: true });
  return withTimeout(
    `starting worker ${n}`,
    60_000,
    new Promise<ChildProcess>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`worker ${n} exited with ${code}`)));
      child.stdout!.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        if (text.includes("[worker] running")) resolve(child);
        for (const line of text.split("\n").filter((l) => l.includes("[dispatch]"))) progress(`worker ${n}: ${line}`);
      });
    }),
  );
}

async function stopWorker(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await withTimeout("stopping a worker", 20_000, exited).catch(() => process.kill(-child.pid!, "SIGKILL"));
}

async function main() {
  process.env.AUTH_SECRET ??= randomBytes(24).toString("hex");
  const workers: ChildProcess[] = [];
  let receiver: Receiver | undefined;
  const onSignal = () => workers.forEach((w) => w.pid && w.exitCode === null && process.kill(-w.pid, "SIGTERM"));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await withBenchDatabase("dispatch", async ({ url, sql }) => {
      // Due at the start of a minute far enough ahead to seed and start the workers first.
      const dueAt = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
      const secrets = new Map<string, string>();
      receiver = await startReceiver(secrets);
      for (const [k, v] of await seed(sql, receiver.url, dueAt)) secrets.set(k, v);
      progress(`${POSTS} webhook posts due at ${dueAt.toISOString()}; starting ${WORKERS} worker process(es)`);
      const env = { DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET!, QUNYUN_OUTBOUND_ALLOW_PRIVATE: "1" };
      for (let i = 1; i <= WORKERS; i++) workers.push(await startWorker(i, env));
      progress(`workers running; waiting ${Math.max(0, Math.round((dueAt.getTime() - Date.now()) / 1000))} s for the due minute`);

      await withTimeout(
        "delivering every post",
        10 * 60_000,
        (async () => {
          for (;;) {
            const [row] = await sql<{ open: number }[]>`select count(*)::int as open from posts where status in ('scheduled', 'due')`;
            if (Date.now() > dueAt.getTime() && row?.open === 0) return;
            await new Promise((r) => setTimeout(r, 500));
          }
        })(),
      );
      await Promise.all(workers.map(stopWorker));

      const [counts] = await sql<{ sent: number; failed: number; multi_delivery: number; multi_sent: number; late: number }[]>`
        select (select count(*)::int from posts where status = 'sent') as sent,
               (select count(*)::int from posts where status = 'failed') as failed,
               (select count(*)::int from (select post_id from post_deliveries group by workspace_id, post_id having count(*) > 1) x) as multi_delivery,
               (select count(*)::int from (select post_id from post_history where to_status = 'sent' group by workspace_id, post_id having count(*) > 1) x) as multi_sent,
               (select count(*)::int from posts where late) as late`;
      const keys = await sql<{ key: string }[]>`select d.idempotency_key as key from post_deliveries d join posts p on p.workspace_id = d.workspace_id and p.id = d.post_id where p.status = 'sent'`;
      const received = keys.filter((k) => receiver!.firstAt.has(k.key)).length;
      const lags = [...receiver.firstAt.values()].map((at) => (at - dueAt.getTime()) / 1000);
      const last = Math.max(...receiver.firstAt.values());
      progress(`sent ${counts?.sent}, failed ${counts?.failed}, late ${counts?.late}; receiver: ${receiver.requests} requests, ${receiver.firstAt.size} keys, ${receiver.repeats} repeats, ${receiver.badSignatures} bad signatures`);
      progress(`lag p50 ${percentile(lags, 50).toFixed(1)} s, p95 ${percentile(lags, 95).toFixed(1)} s, max ${Math.max(...lags).toFixed(1)} s`);
      figure("dispatch_p95_lag_s", percentile(lags, 95));
      figure("dispatch_duplicates", receiver.repeats + (counts?.multi_delivery ?? 0) + (counts?.multi_sent ?? 0));
      figure("dispatch_lost", POSTS - received);
      figure("dispatch_posts_per_s", receiver.firstAt.size / Math.max(0.001, (last - dueAt.getTime()) / 1000));
      if (receiver.badSignatures) throw new Error(`${receiver.badSignatures} deliveries had a signature the receiver could not verify`);
    });
  } finally {
    await Promise.all(workers.map(stopWorker));
    await receiver?.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

runBench(main);
