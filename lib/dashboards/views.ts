import "server-only";
import { getTranslations } from "next-intl/server";
import type { DbOrTx } from "@/db/client";
import { instantDay } from "@/lib/calendar/time";
import { listGroupHealth } from "@/lib/groups/health-queries";
import { communityTypeLabel } from "@/lib/positioning/format";
import { listCommunityTypes } from "@/lib/positioning/queries";
import { addFigures, bucketize, funnel, parseRange, ZERO, type Bucket, type Figures, type Funnel } from "./math";
import { BREAKDOWN_LIMIT, BREAKDOWNS, dailyFigures, funnelBreakdown, funnelTotals, groupComparison, overview, postRanking, type Breakdown, type Range } from "./queries";
import { comparisonTable, compactFunnelTable, funnelStepsTable, labelledFunnelTable, text, type TableModel, type Translate } from "./tables";

/**
 * What each dashboard shows, built once for the page and for its CSV export, from the query
 * string: from, to (local days), by (breakdown), bucket (day/week), metric, page.
 */
export type ViewParams = Record<string, string | string[] | undefined>;
export type ViewCtx = { workspaceId: string; timeZone: string; now?: Date };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const TREND_METRICS = ["reach", "uniqueClicks", "orders", "netRevenue"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const POSTS_PAGE_SIZE = 20;

export function readParams(params: ViewParams, ctx: ViewCtx) {
  const today = instantDay(ctx.now ?? new Date(), ctx.timeZone);
  const range = parseRange({ from: one(params.from), to: one(params.to) }, today);
  const by = (BREAKDOWNS as readonly string[]).includes(one(params.by) ?? "") ? (one(params.by) as Breakdown) : "group";
  const bucket: Bucket = one(params.bucket) === "week" ? "week" : "day";
  const metric = (TREND_METRICS as readonly string[]).includes(one(params.metric) ?? "") ? (one(params.metric) as TrendMetric) : "netRevenue";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page) ?? "1", 10) || 1));
  return { today, range, by, bucket, metric, page };
}

/** The query string of a view, for links between its states and to its export. */
export function viewQuery(p: { range: Range; by?: string; bucket?: string; metric?: string; page?: number }): string {
  const q = new URLSearchParams({ from: p.range.from, to: p.range.to });
  if (p.by) q.set("by", p.by);
  if (p.bucket) q.set("bucket", p.bucket);
  if (p.metric) q.set("metric", p.metric);
  if (p.page && p.page > 1) q.set("page", String(p.page));
  return q.toString();
}

export function metricValue(f: Funnel, metric: TrendMetric): number {
  return metric === "netRevenue" ? f.netRevenueCents / 100 : f[metric];
}

export async function trendView(db: DbOrTx, ctx: ViewCtx, range: Range, bucket: Bucket, t: Translate, daily?: (Figures & { day: string })[]) {
  const points = bucketize(daily ?? (await dailyFigures(db, ctx.workspaceId, range)), range, bucket).map((p) => ({ bucket: p.bucket, funnel: funnel(p) }));
  const table = labelledFunnelTable(bucket === "week" ? t("col.weekOf") : t("col.day"), points.map((p) => ({ label: p.bucket, funnel: p.funnel })), t);
  return { points, table };
}

export async function breakdownView(db: DbOrTx, ctx: ViewCtx, range: Range, by: Breakdown, t: Translate, limit?: number) {
  const rows = await funnelBreakdown(db, ctx.workspaceId, range, by, { limit });
  const root = (await getTranslations()) as unknown as Translate;
  const custom = by === "groupType" ? await listCommunityTypes(db, ctx.workspaceId) : [];
  const label = (key: string | null, raw: string | null) => {
    if (key === null) return t(`none.${by}`);
    if (by === "category") return t(`categories.${key}`);
    if (by === "groupType") return communityTypeLabel(key, root, custom);
    return raw ?? t(`none.${by}`);
  };
  const labelled = rows.map((r) => ({ key: r.key, label: label(r.key, r.label), extra: by === "post" ? [text(r.extra ? instantDay(new Date(r.extra), ctx.timeZone) : "")] : [], funnel: r as Funnel }));
  const table = labelledFunnelTable(t(`by.${by}`), labelled, t, by === "post" ? [t("col.sentOn")] : []);
  return { rows: labelled, table, truncated: limit !== undefined && rows.length >= limit };
}

export async function funnelView(db: DbOrTx, ctx: ViewCtx, params: ViewParams, t: Translate) {
  const p = readParams(params, ctx);
  // The totals are the sum of the days: one read of the rollups serves both.
  const [daily, breakdown] = await Promise.all([dailyFigures(db, ctx.workspaceId, p.range), breakdownView(db, ctx, p.range, p.by, t, BREAKDOWN_LIMIT)]);
  const totals = funnel(daily.reduce<Figures>((sum, d) => addFigures(sum, d), { ...ZERO }));
  const trend = await trendView(db, ctx, p.range, p.bucket, t, daily);
  return { ...p, totals, steps: funnelStepsTable(totals, t), trend, breakdown };
}

export async function postsView(db: DbOrTx, ctx: ViewCtx, params: ViewParams, t: Translate, page?: { limit: number; offset: number }) {
  const p = readParams(params, ctx);
  const limit = page?.limit ?? POSTS_PAGE_SIZE;
  const offset = page?.offset ?? (p.page - 1) * POSTS_PAGE_SIZE;
  const { rows, total } = await postRanking(db, ctx.workspaceId, p.range, { limit, offset });
  const table = labelledFunnelTable(
    t("col.rank"),
    rows.map((r, i) => ({
      label: String(offset + i + 1),
      extra: [text(r.title), text(r.groupName), text(r.sentAt ? instantDay(new Date(r.sentAt), ctx.timeZone) : ""), text(t(`categories.${r.category}`)), text(r.variantLabel ?? "")],
      funnel: r,
    })),
    t,
    [t("col.post"), t("col.group"), t("col.sentOn"), t("col.category"), t("col.variant")],
  );
  return { ...p, rows, total, offset, table };
}

export async function groupsView(db: DbOrTx, ctx: ViewCtx, params: ViewParams, t: Translate) {
  const p = readParams(params, ctx);
  const root = (await getTranslations()) as unknown as Translate;
  const [groups, health, custom] = await Promise.all([
    groupComparison(db, ctx.workspaceId, p.range),
    listGroupHealth(db, { workspaceId: ctx.workspaceId, now: ctx.now }),
    listCommunityTypes(db, ctx.workspaceId),
  ]);
  const dead = health.filter((h) => h.dead);
  const deadIds = new Set(dead.map((d) => d.id));
  const table = labelledFunnelTable(
    t("col.group"),
    groups.map((g) => ({
      label: g.name,
      extra: [text(g.planName ?? ""), text(communityTypeLabel(g.communityType, root, custom)), text(deadIds.has(g.groupId) ? t("groups.deadYes") : "")],
      funnel: g,
    })),
    t,
    [t("col.plan"), t("col.groupType"), t("col.dead")],
  );
  return { ...p, groups, dead, deadIds, table };
}

export async function overviewView(db: DbOrTx, ctx: ViewCtx, t: Translate) {
  const today = instantDay(ctx.now ?? new Date(), ctx.timeZone);
  const o = await overview(db, ctx.workspaceId, today);
  const comparison = comparisonTable(
    [
      { metric: t("col.reach"), now: o.now.reach, before: o.before.reach },
      { metric: t("col.uniqueClicks"), now: o.now.uniqueClicks, before: o.before.uniqueClicks },
      { metric: t("col.netRevenue"), now: o.now.netRevenueCents, before: o.before.netRevenueCents, money: true },
    ],
    t,
  );
  const groupsTable = (rows: typeof o.top) => compactFunnelTable(t("col.group"), rows.map((g) => ({ label: g.name, funnel: g })), t);
  return { ...o, today, comparison, steps: funnelStepsTable(o.now, t), topTable: groupsTable(o.top), bottomTable: groupsTable(o.bottom) };
}

/** The CSV exports: one per table on the dashboards. */
export const EXPORTS = ["overview", "overview-top", "overview-bottom", "funnel", "trend", "breakdown", "posts", "groups"] as const;
export type ExportName = (typeof EXPORTS)[number];

export async function exportTable(db: DbOrTx, ctx: ViewCtx, name: ExportName, params: ViewParams, t: Translate): Promise<{ title: string; table: TableModel }> {
  const p = readParams(params, ctx);
  const suffix = `${p.range.from}_${p.range.to}`;
  switch (name) {
    case "overview":
    case "overview-top":
    case "overview-bottom": {
      const o = await overviewView(db, ctx, t);
      const table = name === "overview" ? o.comparison : name === "overview-top" ? o.topTable : o.bottomTable;
      return { title: `${t(`export.${name}`)}_${o.current.from}_${o.current.to}`, table };
    }
    case "funnel":
      return { title: `${t("export.funnel")}_${suffix}`, table: funnelStepsTable(await funnelTotals(db, ctx.workspaceId, p.range), t) };
    case "trend":
      return { title: `${t("export.trend")}_${suffix}`, table: (await trendView(db, ctx, p.range, p.bucket, t)).table };
    case "breakdown":
      return { title: `${t("export.breakdown")}_${t(`by.${p.by}`)}_${suffix}`, table: (await breakdownView(db, ctx, p.range, p.by, t)).table };
    case "posts":
      return { title: `${t("export.posts")}_${suffix}`, table: (await postsView(db, ctx, params, t, { limit: 10_000, offset: 0 })).table };
    case "groups":
      return { title: `${t("export.groups")}_${suffix}`, table: (await groupsView(db, ctx, params, t)).table };
  }
}
