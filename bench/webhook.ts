/**
 * `npm run bench:webhook`: 1,000 signed orders posted concurrently to `POST /api/webhooks/orders`
 * on the production server, 10% of them duplicates (the same body again, sent at the same time as
 * the first). Afterwards: orders stored must equal the distinct order ids (and one order event
 * each); `webhook_duplicates_stored` is any excess. Throughput is orders answered per second.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { encryptSecret, newSigningSecret } from "@/lib/crypto/secrets";
import { signOrderRequest } from "@/lib/orders/signature";
import { freePort } from "../scripts/embedded";
import { figure, makeBenchWorkspace, percentile, progress, runBench, withBenchDatabase } from "./lib";
import { ensureBuild, startServer, stopServer } from "./ingest-server";

const TOTAL = Number(process.env.BENCH_ORDERS ?? 1000);
const DUPLICATE_SHARE = 0.1;
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function main() {
  ensureBuild();
  const authSecret = randomBytes(24).toString("hex");
  // The bench encrypts the order secret as the server will decrypt it: same AUTH_SECRET.
  process.env.AUTH_SECRET = authSecret;
  delete process.env.QUNYUN_SECRET_KEY;
  let server: ChildProcess | undefined;
  const onSignal = () => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await withBenchDatabase("webhook", async ({ url, sql }) => {
      const { workspaceId } = await makeBenchWorkspace(sql, "bench-webhook");
      const secret = newSigningSecret();
      await sql`insert into data_settings (workspace_id, orders_secret_enc, orders_secret_rotated_at) values (${workspaceId}, ${encryptSecret(secret, `${workspaceId}:orders`)}, now())`;
      const port = await freePort();
      server = await startServer(port, { DATABASE_URL: url, AUTH_SECRET: authSecret });
      const endpoint = `http://127.0.0.1:${port}/api/webhooks/orders`;

      const distinct = Math.round(TOTAL * (1 - DUPLICATE_SHARE));
      const bodies = Array.from({ length: distinct }, (_, i) =>
        JSON.stringify({ type: "order", order_id: `BENCH-${i}`, amount_cents: 1000 + (i % 500) * 10, occurred_at: new Date(Date.now() - i * 1000).toISOString() }),
      );
      // Each duplicate goes right beside its original, so the two are in flight together.
      const queue: string[] = [];
      const dupEvery = Math.floor(distinct / (TOTAL - distinct));
      bodies.forEach((b, i) => {
        queue.push(b);
        if (i % dupEvery === 0 && queue.length < TOTAL) queue.push(b);
      });
      while (queue.length < TOTAL) queue.push(bodies[queue.length % distinct]!);
      const statuses = new Map<number, number>();
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < queue.length) {
            const body = queue[next++]!;
            const { timestamp, signature } = signOrderRequest(secret, body);
            const t0 = performance.now();
            const res = await fetch(endpoint, {
              method: "POST",
              body,
              headers: { "content-type": "application/json", "x-qunyun-workspace": workspaceId, "x-qunyun-timestamp": timestamp, "x-qunyun-signature": signature },
            });
            await res.arrayBuffer();
            latencies.push(performance.now() - t0);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      await stopServer(server);
      const [row] = await sql<{ orders: number; ids: number; events: number }[]>`
        select (select count(*)::int from orders where workspace_id = ${workspaceId}) as orders,
               (select count(distinct external_id)::int from orders where workspace_id = ${workspaceId}) as ids,
               (select count(*)::int from events where workspace_id = ${workspaceId} and kind = 'order') as events`;
      progress(`${queue.length} requests (${distinct} distinct orders), ${CONCURRENCY} in flight, ${seconds.toFixed(2)} s`);
      progress(`answers: ${[...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(", ")}; p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
      progress(`stored: ${row?.orders} orders (${row?.ids} distinct ids), ${row?.events} order events; expected ${distinct}`);
      if ((statuses.get(201) ?? 0) !== distinct) progress(`expected ${distinct} answers 201, got ${statuses.get(201) ?? 0}`);
      figure("webhook_duplicates_stored", Math.max(0, (row?.orders ?? 0) - distinct) + Math.max(0, (row?.events ?? 0) - distinct));
      figure("webhook_orders_missing", Math.max(0, distinct - (row?.orders ?? 0)));
      figure("webhook_orders_per_s", queue.length / seconds);
      figure("webhook_p99_ms", percentile(latencies, 99));
    });
  } finally {
    if (server) await stopServer(server);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

runBench(main);
