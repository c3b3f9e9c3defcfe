import "server-only";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { transitionPosts } from "@/lib/calendar/status";
import { OutboundRefusedError, postOutbound } from "@/lib/net/outbound";
import { reachFromResponse, recordReach } from "@/lib/links/reach";
import { backoffMs as defaultBackoff } from "./backoff";
import { failPosts } from "./handoff";
import { getWebhookTarget, type WebhookTarget } from "./settings";
import { signedHeaders } from "./signature";

export type SenderOptions = {
  /** Requests in flight per worker. */
  concurrency?: number;
  /** How long a claim is held; a worker that died is taken over after it. Far above timeoutMs. */
  leaseMs?: number;
  timeoutMs?: number;
  backoffMs?: (failedAttempts: number) => number;
  allowPrivate?: boolean;
  workspaceIds?: string[];
};

export type Claimed = { workspace_id: string; post_id: string; idempotency_key: string; attempts: number; payload: unknown };

export type Outcome =
  | { kind: "delivered"; claim: Claimed; status: number; reach?: number | null }
  | { kind: "retry"; claim: Claimed; status: number | null; error: string; delayMs: number }
  | { kind: "failed"; claim: Claimed; status: number | null; error: string };

const DEFAULTS = { concurrency: 32, leaseMs: 60_000, timeoutMs: 10_000 };

/**
 * Takes up to `limit` deliveries that are ready: pending ones whose time has come, and 'sending'
 * ones whose lease ran out (the worker sending them died). SKIP LOCKED means two workers never
 * take the same row; the lease (claimed_until, mirrored in next_attempt_at so live claims are not
 * "ready") means a claim is only taken over once its holder can no longer be sending. `attempts`
 * grows with each claim and fences the result: only the holder of the latest claim may finish it.
 * A delivery whose post is no longer due (cancelled, rescheduled or marked sent by hand) is
 * closed instead of sent.
 */
export async function claimDeliveries(db: DbOrTx, limit: number, opts: SenderOptions = {}): Promise<Claimed[]> {
  const leaseS = (opts.leaseMs ?? DEFAULTS.leaseMs) / 1000;
  const scope = opts.workspaceIds ? sql`and d.workspace_id in ${opts.workspaceIds}` : sql``;
  const rows = await db.execute<Claimed & { status: string }>(sql`
    with ready as (
      select d.workspace_id, d.post_id, d.channel, p.status = 'due' as live
      from post_deliveries d
      join posts p on p.workspace_id = d.workspace_id and p.id = d.post_id
      where d.status in ('pending', 'sending') and d.next_attempt_at <= now() ${scope}
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    update post_deliveries d set
      status = (case when ready.live then 'sending' else 'failed' end)::delivery_status,
      attempts = d.attempts + (case when ready.live then 1 else 0 end),
      claimed_until = case when ready.live then now() + make_interval(secs => ${leaseS}) end,
      next_attempt_at = case when ready.live then now() + make_interval(secs => ${leaseS}) else d.next_attempt_at end,
      last_error = case when ready.live then d.last_error else 'post no longer due' end
    from ready
    where d.workspace_id = ready.workspace_id and d.post_id = ready.post_id and d.channel = ready.channel
    returning d.workspace_id, d.post_id, d.idempotency_key, d.attempts, d.payload, d.status`);
  return rows.filter((r) => r.status === "sending");
}

function describeError(error: unknown): string {
  if (error instanceof OutboundRefusedError) return `地址被拒绝 / address refused: ${error.detail || error.reason}`;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === "ETIMEDOUT") return `请求超时 / ${e.message}`;
  return `网络错误 / network error: ${e?.code ?? e?.message ?? String(error)}`;
}

/**
 * Webhook sender of one worker: claims ready deliveries, sends them with bounded concurrency and
 * records the outcomes in batches (one transaction for many results keeps 10,000 posts a minute
 * far from the database's limits).
 */
export class WebhookSender {
  private readonly opts: Required<Omit<SenderOptions, "workspaceIds" | "allowPrivate">> & Pick<SenderOptions, "workspaceIds" | "allowPrivate">;
  private targets = new Map<string, { at: number; target: WebhookTarget | null }>();
  private outcomes: Outcome[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    opts: SenderOptions = {},
  ) {
    this.opts = { ...DEFAULTS, backoffMs: defaultBackoff, ...opts };
  }

  /** Sends everything that is ready now; answers how many deliveries were attempted. */
  async drain(): Promise<number> {
    const running = new Set<Promise<void>>();
    const refillAt = Math.max(1, Math.floor(this.opts.concurrency / 4));
    let attempted = 0;
    for (;;) {
      const free = this.opts.concurrency - running.size;
      let exhausted = false;
      if (free >= refillAt || running.size === 0) {
        const claimed = await claimDeliveries(this.db, free, this.opts);
        exhausted = claimed.length < free;
        attempted += claimed.length;
        for (const claim of claimed) {
          const p: Promise<void> = this.send(claim).then((o) => this.record(o)).finally(() => running.delete(p));
          running.add(p);
        }
      }
      if (running.size === 0 && exhausted) break;
      if (running.size) await Promise.race(running);
    }
    await this.flush();
    return attempted;
  }

  /** Sends, for tests: until no delivery is ready any more (retries with a zero backoff included). */
  async drainAll(): Promise<void> {
    while ((await this.drain()) > 0);
  }

  private async target(workspaceId: string): Promise<WebhookTarget | null> {
    const hit = this.targets.get(workspaceId);
    // A few seconds of caching: one decrypt per workspace per burst, and a rotated secret is used within 5 s.
    if (hit && Date.now() - hit.at < 5_000) return hit.target;
    const target = await getWebhookTarget(this.db, workspaceId);
    this.targets.set(workspaceId, { at: Date.now(), target });
    return target;
  }

  private async send(claim: Claimed): Promise<Outcome> {
    let target: WebhookTarget | null;
    try {
      target = await this.target(claim.workspace_id);
    } catch (error) {
      return { kind: "retry", claim, status: null, error: `设置无法读取 / settings unreadable: ${String(error)}`, delayMs: this.opts.backoffMs(claim.attempts) };
    }
    if (!target) return { kind: "failed", claim, status: null, error: "Webhook 未设置 / no webhook is set up" };
    const body = JSON.stringify(claim.payload);
    const headers = signedHeaders({ secret: target.secret, body, idempotencyKey: claim.idempotency_key, attempt: claim.attempts, event: "post.due" });
    let status: number | null = null;
    let error: string;
    try {
      const res = await postOutbound(target.url, { body, headers, timeoutMs: this.opts.timeoutMs }, { allowPrivate: this.opts.allowPrivate });
      if (res.status >= 200 && res.status < 300) return { kind: "delivered", claim, status: res.status, reach: reachFromResponse(res.body) };
      status = res.status;
      error = `HTTP ${res.status}`;
    } catch (e) {
      error = describeError(e);
      // An address that is refused now will be refused on every retry.
      if (e instanceof OutboundRefusedError) return { kind: "failed", claim, status, error };
    }
    if (claim.attempts >= target.maxAttempts) return { kind: "failed", claim, status, error: `${error}(${claim.attempts} 次尝试 / attempts)` };
    return { kind: "retry", claim, status, error, delayMs: this.opts.backoffMs(claim.attempts) };
  }

  private record(outcome: Outcome) {
    this.outcomes.push(outcome);
    if (this.outcomes.length >= 50) void this.flush();
  }

  /** Writes the buffered outcomes; flushes run one after another. */
  flush(): Promise<void> {
    const batch = this.outcomes;
    this.outcomes = [];
    this.flushing = this.flushing.then(() => (batch.length ? this.write(batch) : undefined)).catch((error) => console.error("[dispatch] could not record outcomes", error));
    return this.flushing;
  }

  private write(batch: Outcome[]) {
    return writeOutcomes(this.db, batch);
  }
}

/**
 * Records outcomes in one transaction. Each is fenced by its claim's attempt number: a worker
 * whose lease ran out and whose delivery was taken over changes nothing when it finally reports.
 */
export async function writeOutcomes(db: Db, batch: Outcome[]): Promise<void> {
  await db.transaction(async (tx) => {
    const delivered = batch.filter((o): o is Extract<Outcome, { kind: "delivered" }> => o.kind === "delivered");
    if (delivered.length) await finishDelivered(tx, delivered);
    for (const o of batch) {
      if (o.kind === "retry") await scheduleRetry(tx, o);
      if (o.kind === "failed") await finishFailed(tx, o);
    }
  });
}

const fence = (claim: Claimed) => sql`(${claim.workspace_id}::uuid, ${claim.post_id}::uuid, ${claim.attempts}::int)`;

async function finishDelivered(tx: DbOrTx, delivered: Extract<Outcome, { kind: "delivered" }>[]) {
  const done = await tx.execute<{ workspace_id: string; post_id: string }>(sql`
    update post_deliveries d set status = 'delivered', delivered_at = now(), response_status = v.status, claimed_until = null, last_error = null
    from (values ${sql.join(delivered.map((o) => sql`(${o.claim.workspace_id}::uuid, ${o.claim.post_id}::uuid, ${o.claim.attempts}::int, ${o.status}::int)`), sql`, `)})
      as v(workspace_id, post_id, attempts, status)
    where d.workspace_id = v.workspace_id and d.post_id = v.post_id and d.channel = 'webhook' and d.attempts = v.attempts and d.status = 'sending'
    returning d.workspace_id, d.post_id`);
  const byWorkspace = new Map<string, string[]>();
  for (const r of done) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.post_id]);
  for (const [workspaceId, postIds] of byWorkspace) {
    // The database's clock (see due.ts); drizzle's update accepts SQL where `set` is typed as values.
    const moved = await transitionPosts(tx, { workspaceId, postIds, to: "sent", actorUserId: null, note: "webhook", set: { sentAt: sql`now()` as unknown as Date } });
    // The receiver's {"reach": n} when it answered one, else the group's members (lib/links/reach.ts).
    const reach = new Map(delivered.flatMap((o) => (o.claim.workspace_id === workspaceId && o.reach != null ? [[o.claim.post_id, o.reach] as const] : [])));
    await recordReach(tx, workspaceId, moved.map((m) => m.id), reach);
  }
}

async function scheduleRetry(tx: DbOrTx, o: Extract<Outcome, { kind: "retry" }>) {
  await tx.execute(sql`
    update post_deliveries set status = 'pending', claimed_until = null, last_error = ${o.error}, response_status = ${o.status},
      next_attempt_at = now() + make_interval(secs => ${o.delayMs / 1000})
    where (workspace_id, post_id, attempts) = ${fence(o.claim)} and channel = 'webhook' and status = 'sending'`);
}

async function finishFailed(tx: DbOrTx, o: Extract<Outcome, { kind: "failed" }>) {
  const closed = await tx.execute(sql`
    update post_deliveries set status = 'failed', claimed_until = null, last_error = ${o.error}, response_status = ${o.status}
    where (workspace_id, post_id, attempts) = ${fence(o.claim)} and channel = 'webhook' and status = 'sending'
    returning post_id`);
  if (closed.length) await failPosts(tx, o.claim.workspace_id, [o.claim.post_id], o.error);
}
