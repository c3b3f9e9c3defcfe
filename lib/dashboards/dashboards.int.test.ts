import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { events, groups } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { createPosts } from "@/lib/calendar/posts";
import { newId } from "@/lib/ids";
import { applyRollups } from "@/lib/rollups/rollup";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";
import { funnelBreakdown, funnelTotals, groupComparison, overview, postRanking } from "./queries";

const current: { session: Session | null } = { session: null };
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session, requireSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const { recountRollupsAction } = await import("@/app/(console)/w/[workspace]/dashboards/_components/recount-actions");
const { GET: exportRoute } = await import("@/app/(console)/w/[workspace]/dashboards/export/[table]/route");

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;
let ws: Ws;
let other: Ws;
const g = { best: newId(), worst: newId(), formula: newId() };
const p = { best: newId(), worst: newId(), formula: newId() };
const TODAY = "2026-11-30";
const at = (day: string, hour = 12) => new Date(`${day}T${String(hour - 8).padStart(2, "0")}:00:00Z`); // Shanghai local hour

beforeAll(async () => {
  ws = await makeWorkspace("dash");
  other = await makeWorkspace("dash-other");
  const db = getDb();
  await db.insert(groups).values([
    { workspaceId: ws.workspaceId, id: g.best, name: "最好群", stage: "active", communityType: "sales" },
    { workspaceId: ws.workspaceId, id: g.worst, name: "最差群", stage: "active" },
    { workspaceId: ws.workspaceId, id: g.formula, name: "=HYPERLINK(\"http://x\")", stage: "active" },
  ]);
  await createPosts(db, ws.workspaceId, [
    { id: p.best, groupId: g.best, scheduledAt: at("2026-11-28", 20), status: "sent", sentAt: at("2026-11-28", 20), category: "product", title: "新品" },
    { id: p.worst, groupId: g.worst, scheduledAt: at("2026-11-28", 20), status: "sent", sentAt: at("2026-11-28", 20), category: "values", title: "故事" },
    { id: p.formula, groupId: g.formula, scheduledAt: at("2026-11-20", 20), status: "sent", sentAt: at("2026-11-20", 20), category: "activity", title: "+1 接龙" },
  ], ws.owner.id);
  const e = (kind: "reach" | "click" | "order" | "refund", post: string, group: string, day: string, extra: { amountCents?: number; uniqueClick?: boolean } = {}) => {
    const id = newId();
    return { workspaceId: ws.workspaceId, id, kind, occurredAt: at(day, 21), postId: post, groupId: group, idempotencyKey: `${kind}:${id}`, ...extra };
  };
  await db.insert(events).values([
    // last 7 days (11-24 … 11-30)
    e("reach", p.best, g.best, "2026-11-28", { amountCents: 400 }),
    ...Array.from({ length: 40 }, () => e("click", p.best, g.best, "2026-11-28", { uniqueClick: true })),
    ...Array.from({ length: 8 }, () => e("order", p.best, g.best, "2026-11-29", { amountCents: 5000 })),
    e("refund", p.best, g.best, "2026-11-30", { amountCents: 5000 }),
    e("reach", p.worst, g.worst, "2026-11-28", { amountCents: 300 }),
    ...Array.from({ length: 6 }, (_, i) => e("click", p.worst, g.worst, "2026-11-28", { uniqueClick: i < 3 })),
    e("order", p.worst, g.worst, "2026-11-29", { amountCents: 990 }),
    // the 7 days before
    e("reach", p.formula, g.formula, "2026-11-20", { amountCents: 100 }),
    ...Array.from({ length: 10 }, () => e("click", p.formula, g.formula, "2026-11-20", { uniqueClick: true })),
    e("order", p.formula, g.formula, "2026-11-21", { amountCents: 2000 }),
  ]);
  const [row] = await db.execute<{ tx: string }>(sql`select max(tx_id)::text as tx from events where workspace_id = ${ws.workspaceId}`);
  for (;;) if ((await applyRollups(db)).to > Number(row!.tx)) break;
});
afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const RANGE = { from: "2026-11-01", to: TODAY };

describe("dashboard queries on rollups", () => {
  it("give the funnel totals: unique clicks over reach, orders over unique clicks, revenue net of refunds", async () => {
    const f = await funnelTotals(getDb(), ws.workspaceId, RANGE);
    expect(f).toMatchObject({ reach: 800, clicks: 56, uniqueClicks: 53, orders: 10, revenueCents: 42_990, refundCents: 5_000, netRevenueCents: 37_990 });
    expect(f.clickRate).toBeCloseTo(53 / 800);
    expect(f.payRate).toBeCloseTo(10 / 53);
    expect(f.averageOrderCents).toBe(3_799);
  });

  it("break the funnel down by group and by content type", async () => {
    const byGroup = await funnelBreakdown(getDb(), ws.workspaceId, RANGE, "group");
    expect(byGroup.map((r) => [r.label, r.netRevenueCents])).toEqual([
      ["最好群", 35_000],
      ['=HYPERLINK("http://x")', 2_000],
      ["最差群", 990],
    ]);
    const byCategory = await funnelBreakdown(getDb(), ws.workspaceId, RANGE, "category");
    expect(byCategory.map((r) => [r.key, r.reach])).toEqual([
      ["product", 400],
      ["activity", 100],
      ["values", 300],
    ]);
    const byType = await funnelBreakdown(getDb(), ws.workspaceId, RANGE, "groupType");
    expect(byType.find((r) => r.key === null)?.reach).toBe(400);
  });

  it("rank posts by revenue per person reached, a page at a time", async () => {
    const first = await postRanking(getDb(), ws.workspaceId, RANGE, { limit: 2, offset: 0 });
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => [r.title, r.revenuePerReachCents])).toEqual([
      ["新品", 87.5],
      ["+1 接龙", 20],
    ]);
    const second = await postRanking(getDb(), ws.workspaceId, RANGE, { limit: 2, offset: 2 });
    expect(second.rows.map((r) => r.title)).toEqual(["故事"]);
  });

  it("compare groups, and the overview's last 7 days against the 7 before with top and bottom groups", async () => {
    const cmp = await groupComparison(getDb(), ws.workspaceId, RANGE);
    expect(cmp.map((c) => c.name)).toEqual(["最好群", '=HYPERLINK("http://x")', "最差群"]);
    const o = await overview(getDb(), ws.workspaceId, TODAY);
    expect(o.current).toEqual({ from: "2026-11-24", to: TODAY });
    expect(o.now).toMatchObject({ reach: 700, uniqueClicks: 43, netRevenueCents: 35_990 });
    expect(o.before).toMatchObject({ reach: 100, uniqueClicks: 10, netRevenueCents: 2_000 });
    expect(o.top.map((g) => g.name)).toEqual(["最好群", "最差群"]);
    expect(o.bottom).toEqual([]);
  });

  it("see nothing of another workspace", async () => {
    expect(await funnelTotals(getDb(), other.workspaceId, RANGE)).toMatchObject({ reach: 0, orders: 0 });
  });
});

describe("the rollup check action", () => {
  it("lets the owner check (and rebuild), refuses a viewer and an operator, and treats another workspace as not found", async () => {
    current.session = await sessionFor(ws.owner);
    const ok = await recountRollupsAction(ws.workspaceId, null, { from: "2026-11-01", to: TODAY, rebuild: "1" });
    expect(ok).toMatchObject({ ok: true, data: { differences: 0, remaining: 0 } });
    current.session = await sessionFor(ws.viewer);
    expect(await recountRollupsAction(ws.workspaceId, null, { from: "2026-11-01", to: TODAY, rebuild: "1" })).toMatchObject({ ok: false, error: "errors.forbidden" });
    current.session = await sessionFor(ws.operator);
    expect(await recountRollupsAction(ws.workspaceId, null, { from: "2026-11-01", to: TODAY })).toMatchObject({ ok: false, error: "errors.forbidden" });
    current.session = await sessionFor(other.owner);
    expect(await recountRollupsAction(ws.workspaceId, null, { from: "2026-11-01", to: TODAY })).toMatchObject({ ok: false, error: "errors.notFound" });
  });

  it("finds a tampered rollup and rebuilds it from raw events", async () => {
    await getDb().execute(sql`update daily_rollups set orders = orders + 3 where workspace_id = ${ws.workspaceId} and group_id = ${g.worst} and day = '2026-11-29'`);
    current.session = await sessionFor(ws.owner);
    expect(await recountRollupsAction(ws.workspaceId, null, { from: "2026-11-01", to: TODAY })).toMatchObject({ ok: true, data: { differences: 1, rebuiltRows: null } });
    expect(await recountRollupsAction(ws.workspaceId, null, { from: "2026-11-01", to: TODAY, rebuild: "1" })).toMatchObject({ ok: true, data: { differences: 1, remaining: 0 } });
    expect((await funnelTotals(getDb(), ws.workspaceId, RANGE)).orders).toBe(10);
  });
});

describe("CSV exports", () => {
  const get = (workspaceId: string, table: string, query = `from=2026-11-01&to=${TODAY}`) =>
    exportRoute(new Request(`http://test/w/${workspaceId}/dashboards/export/${table}?${query}`), { params: Promise.resolve({ workspace: workspaceId, table }) });

  it("let a viewer download a table, with formula-looking cells escaped", async () => {
    current.session = await sessionFor(ws.viewer);
    const res = await get(ws.workspaceId, "groups");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const body = await res.text();
    expect(body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
    const posts = await (await get(ws.workspaceId, "posts")).text();
    expect(posts).toContain("'+1 接龙");
    expect(posts.split("\r\n")[1]).toContain("新品");
  });

  it("answer 404 for another workspace and for an unknown table", async () => {
    current.session = await sessionFor(other.owner);
    expect((await get(ws.workspaceId, "groups")).status).toBe(404);
    current.session = await sessionFor(ws.viewer);
    expect((await get(ws.workspaceId, "nothing")).status).toBe(404);
  });
});
