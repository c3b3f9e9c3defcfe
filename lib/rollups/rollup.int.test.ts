import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { dailyRollups, events, NIL_UUID } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { applyRollups, ensureEventPartitions, rebuildRollups, recountRollups } from "./rollup";

const other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
afterAll(async () => {
  await other.end({ timeout: 5 });
  await closeDb();
});

type Ev = typeof events.$inferInsert;
const RANGE = { from: "2026-01-01", to: "2026-12-31" };

function ev(workspaceId: string, e: Omit<Ev, "workspaceId" | "id" | "idempotencyKey">): Ev {
  const id = newId();
  return { workspaceId, id, idempotencyKey: `${e.kind}:${id}`, ...e };
}

/** Step the worker until its horizon has passed transaction `txId` (other test files' transactions may hold it back for a moment). */
async function rollPast(txId: number) {
  for (;;) {
    const step = await applyRollups(getDb());
    if (step.to > txId) return;
  }
}

async function lastTxId(workspaceId: string): Promise<number> {
  const [row] = await getDb().execute<{ tx: string }>(sql`select max(tx_id)::text as tx from events where workspace_id = ${workspaceId}`);
  return Number(row?.tx ?? 0);
}

async function totals(workspaceId: string) {
  const rows = await getDb().select().from(dailyRollups).where(eq(dailyRollups.workspaceId, workspaceId));
  const sum = (k: "reach" | "clicks" | "uniqueClicks" | "orders" | "revenueCents" | "refundCents") => rows.reduce((s, r) => s + r[k], 0);
  return { reach: sum("reach"), clicks: sum("clicks"), uniqueClicks: sum("uniqueClicks"), orders: sum("orders"), revenueCents: sum("revenueCents"), refundCents: sum("refundCents") };
}

describe("rollups", () => {
  it("add reach, clicks, orders and refunds per local day, post, group and variant, and equal a recount", async () => {
    const { workspaceId } = await makeWorkspace("rollup-basic");
    const [post, group, variant] = [newId(), newId(), newId()];
    await getDb().insert(events).values([
      ev(workspaceId, { kind: "reach", occurredAt: new Date("2026-03-01T12:00:00Z"), postId: post, groupId: group, variantId: variant, amountCents: 180 }),
      ev(workspaceId, { kind: "click", occurredAt: new Date("2026-03-01T13:00:00Z"), postId: post, groupId: group, variantId: variant, uniqueClick: true, visitorKey: "a" }),
      ev(workspaceId, { kind: "click", occurredAt: new Date("2026-03-01T13:05:00Z"), postId: post, groupId: group, variantId: variant, uniqueClick: false, visitorKey: "a" }),
      // 23:30 UTC on 1 March is 2 March in Shanghai
      ev(workspaceId, { kind: "click", occurredAt: new Date("2026-03-01T23:30:00Z"), postId: post, groupId: group, variantId: variant, uniqueClick: true, visitorKey: "b" }),
      ev(workspaceId, { kind: "order", occurredAt: new Date("2026-03-02T02:00:00Z"), postId: post, groupId: group, variantId: variant, amountCents: 9900 }),
      ev(workspaceId, { kind: "refund", occurredAt: new Date("2026-03-03T02:00:00Z"), postId: post, groupId: group, variantId: variant, amountCents: 4000 }),
      // an order attributed to no post
      ev(workspaceId, { kind: "order", occurredAt: new Date("2026-03-02T03:00:00Z"), amountCents: 1500 }),
      // not part of the funnel
      ev(workspaceId, { kind: "message", occurredAt: new Date("2026-03-02T03:00:00Z"), groupId: group }),
    ]);
    await rollPast(await lastTxId(workspaceId));
    const rows = await getDb()
      .select()
      .from(dailyRollups)
      .where(and(eq(dailyRollups.workspaceId, workspaceId)))
      .orderBy(dailyRollups.day, dailyRollups.postId);
    expect(rows.map((r) => [r.day, r.postId === post ? "post" : r.postId === NIL_UUID ? "none" : "?", r.reach, r.clicks, r.uniqueClicks, r.orders, r.revenueCents, r.refundCents])).toEqual([
      ["2026-03-01", "post", 180, 2, 1, 0, 0, 0],
      ["2026-03-02", "none", 0, 0, 0, 1, 1500, 0],
      ["2026-03-02", "post", 0, 1, 1, 1, 9900, 0],
      ["2026-03-03", "post", 0, 0, 0, 0, 0, 4000],
    ]);
    expect((await recountRollups(getDb(), workspaceId, RANGE)).differences).toEqual([]);
  });

  it("count an event whose transaction commits after a later one, once, and keep equal to the recount throughout", async () => {
    const { workspaceId } = await makeWorkspace("rollup-late");
    const group = newId();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inserted = new Promise<void>((resolve) => (started = resolve));
    // The early transaction inserts an order and stays open…
    const late = other.begin(async (tx) => {
      await tx`insert into events (workspace_id, id, kind, occurred_at, group_id, amount_cents, idempotency_key)
        values (${workspaceId}, ${newId()}, 'order', '2026-04-01T04:00:00Z', ${group}, 5000, ${`order:${newId()}`})`;
      started();
      await gate;
    });
    await inserted;
    // …while a later one commits a click and the worker runs.
    await getDb().insert(events).values(ev(workspaceId, { kind: "click", occurredAt: new Date("2026-04-01T05:00:00Z"), groupId: group, uniqueClick: true }));
    await applyRollups(getDb());
    await applyRollups(getDb());
    // Nothing past the open transaction is counted yet, and the check agrees with what is counted.
    expect((await totals(workspaceId)).orders).toBe(0);
    expect((await recountRollups(getDb(), workspaceId, RANGE)).differences).toEqual([]);
    release();
    await late;
    await rollPast(await lastTxId(workspaceId));
    expect(await totals(workspaceId)).toMatchObject({ clicks: 1, uniqueClicks: 1, orders: 1, revenueCents: 5000 });
    await applyRollups(getDb());
    expect(await totals(workspaceId)).toMatchObject({ clicks: 1, orders: 1, revenueCents: 5000 });
    expect((await recountRollups(getDb(), workspaceId, RANGE)).differences).toEqual([]);
  });

  it("stay exact with several workers stepping at once while events arrive", async () => {
    const { workspaceId } = await makeWorkspace("rollup-workers");
    const groups = [newId(), newId(), newId()];
    const writers = Array.from({ length: 6 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 5; i++) {
          await getDb().insert(events).values(
            Array.from({ length: 20 }, (_, k) =>
              ev(workspaceId, {
                kind: k % 5 === 0 ? "order" : k % 7 === 0 ? "refund" : "click",
                occurredAt: new Date(Date.UTC(2026, 4, 1 + ((w + i + k) % 20), (k * 5) % 24)),
                groupId: groups[k % 3],
                amountCents: k % 5 === 0 ? 1000 + k : k % 7 === 0 ? 300 : null,
                uniqueClick: k % 2 === 0,
              }),
            ),
          );
        }
      })(),
    );
    const workers = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 8; i++) await applyRollups(getDb());
    });
    await Promise.all([...writers, ...workers]);
    await rollPast(await lastTxId(workspaceId));
    const t = await totals(workspaceId);
    const [raw] = await getDb().execute<{ n: string; orders: string; revenue: string; refunds: string }>(sql`
      select count(*) filter (where kind = 'click')::text as n, count(*) filter (where kind = 'order')::text as orders,
        coalesce(sum(amount_cents) filter (where kind = 'order'), 0)::text as revenue, coalesce(sum(amount_cents) filter (where kind = 'refund'), 0)::text as refunds
      from events where workspace_id = ${workspaceId}`);
    expect(t).toMatchObject({ clicks: Number(raw!.n), orders: Number(raw!.orders), revenueCents: Number(raw!.revenue), refundCents: Number(raw!.refunds) });
    expect(t.refundCents).toBeGreaterThan(0);
    expect((await recountRollups(getDb(), workspaceId, RANGE)).differences).toEqual([]);
  });

  it("show a difference in the check and rebuild the range from raw events", async () => {
    const { workspaceId } = await makeWorkspace("rollup-rebuild");
    const group = newId();
    await getDb().insert(events).values([
      ev(workspaceId, { kind: "order", occurredAt: new Date("2026-06-10T04:00:00Z"), groupId: group, amountCents: 2000 }),
      ev(workspaceId, { kind: "refund", occurredAt: new Date("2026-06-11T04:00:00Z"), groupId: group, amountCents: 500 }),
    ]);
    await rollPast(await lastTxId(workspaceId));
    await getDb().execute(sql`update daily_rollups set revenue_cents = revenue_cents + 1 where workspace_id = ${workspaceId} and day = '2026-06-10'`);
    const check = await recountRollups(getDb(), workspaceId, RANGE);
    expect(check.differences).toHaveLength(1);
    expect(check.differences[0]).toMatchObject({ day: "2026-06-10", groupId: group, rollup: { revenueCents: 2001 }, recount: { revenueCents: 2000 } });
    await rebuildRollups(getDb(), workspaceId, { from: "2026-06-01", to: "2026-06-30" });
    expect((await recountRollups(getDb(), workspaceId, RANGE)).differences).toEqual([]);
    expect(await totals(workspaceId)).toMatchObject({ orders: 1, revenueCents: 2000, refundCents: 500 });
    // the worker adds nothing twice after a rebuild
    await applyRollups(getDb());
    expect(await totals(workspaceId)).toMatchObject({ orders: 1, revenueCents: 2000 });
  });
});

describe("the partition job", () => {
  it("makes this month's and the coming months' partitions, and an event lands in its month", async () => {
    await ensureEventPartitions(getDb(), 3);
    const rows = await getDb().execute<{ name: string }>(sql`
      select to_char(date_trunc('month', now()) + make_interval(months => i), '"events_"YYYY_MM') as name from generate_series(0, 2) i`);
    for (const { name } of rows) {
      const [found] = await getDb().execute<{ t: string | null }>(sql`select to_regclass(${name})::text as t`);
      expect(found?.t).toBe(name);
    }
    expect(await ensureEventPartitions(getDb(), 3)).toBe(0);
    const { workspaceId } = await makeWorkspace("rollup-partition");
    const id = newId();
    await getDb().insert(events).values({ workspaceId, id, kind: "message", occurredAt: new Date(), idempotencyKey: `m:${id}` });
    const [where] = await getDb().execute<{ part: string }>(sql`select tableoid::regclass::text as part from events where workspace_id = ${workspaceId} and id = ${id}`);
    expect(where?.part).toBe(rows[0]!.name);
  });
});
