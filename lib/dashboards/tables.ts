/**
 * Every dashboard table as headers and cells: the page shows `text`, the CSV export writes
 * `raw` (numbers as numbers, money in yuan, rates in percent), so the two never disagree.
 */
import { change, formatCount, formatPercent, formatYuan, type Funnel } from "./math";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Cell = { text: string; raw: string | number | null; numeric?: boolean };
export type TableModel = { headers: string[]; rows: Cell[][] };

export const text = (s: string | null | undefined): Cell => ({ text: s ?? "", raw: s ?? "" });
const count = (n: number): Cell => ({ text: formatCount(n), raw: n, numeric: true });
const money = (cents: number | null): Cell => ({ text: formatYuan(cents), raw: cents === null ? null : Math.round(cents) / 100, numeric: true });
/** Revenue per reach is often below a yuan: two decimals of yuan always, and cents in the raw. */
const perReach = (cents: number | null): Cell => ({ text: cents === null ? "—" : `¥${(cents / 100).toFixed(2)}`, raw: cents === null ? null : Number((cents / 100).toFixed(4)), numeric: true });
const pct = (f: number | null): Cell => ({ text: formatPercent(f), raw: f === null ? null : Number((f * 100).toFixed(2)), numeric: true });

export const FUNNEL_COLUMNS = ["reach", "uniqueClicks", "clicks", "clickRate", "orders", "payRate", "netRevenue", "refunds", "averageOrder", "revenuePerReach"] as const;

export function funnelHeaders(t: Translate): string[] {
  return FUNNEL_COLUMNS.map((c) => t(`col.${c}`));
}

export function funnelCells(f: Funnel): Cell[] {
  return [
    count(f.reach),
    count(f.uniqueClicks),
    count(f.clicks),
    pct(f.clickRate),
    count(f.orders),
    pct(f.payRate),
    money(f.netRevenueCents),
    money(f.refundCents),
    money(f.averageOrderCents),
    perReach(f.revenuePerReachCents),
  ];
}

/** The funnel's steps as a table: reach → unique clicks → orders → net revenue, with the rate into each step. */
export function funnelStepsTable(f: Funnel, t: Translate): TableModel {
  return {
    headers: [t("col.step"), t("col.value"), t("col.rateFromPrevious")],
    rows: [
      [text(t("col.reach")), count(f.reach), text("")],
      [text(t("col.uniqueClicks")), count(f.uniqueClicks), { ...pct(f.clickRate), text: `${t("col.clickRate")} ${formatPercent(f.clickRate)}` }],
      [text(t("col.orders")), count(f.orders), { ...pct(f.payRate), text: `${t("col.payRate")} ${formatPercent(f.payRate)}` }],
      [text(t("col.netRevenue")), money(f.netRevenueCents), { ...money(f.averageOrderCents), text: `${t("col.averageOrder")} ${formatYuan(f.averageOrderCents)}` }],
    ],
  };
}

export function labelledFunnelTable(firstHeader: string, rows: { label: string; extra?: Cell[]; funnel: Funnel }[], t: Translate, extraHeaders: string[] = []): TableModel {
  return {
    headers: [firstHeader, ...extraHeaders, ...funnelHeaders(t)],
    rows: rows.map((r) => [text(r.label), ...(r.extra ?? []), ...funnelCells(r.funnel)]),
  };
}

export type Comparison = { metric: string; now: number; before: number; money?: boolean };

/** Last 7 days against the 7 before: value, previous value, change. */
export function comparisonTable(items: Comparison[], t: Translate): TableModel {
  return {
    headers: [t("col.metric"), t("col.thisPeriod"), t("col.previousPeriod"), t("col.change")],
    rows: items.map((i) => {
      const c = change(i.now, i.before);
      return [
        text(i.metric),
        i.money ? money(i.now) : count(i.now),
        i.money ? money(i.before) : count(i.before),
        // "+12.5%" as text: a leading minus would be read as a formula by a spreadsheet
        { text: c === null ? t("overview.new") : formatPercent(c, { signed: true }), raw: c === null ? t("overview.new") : formatPercent(c, { signed: true }) },
      ];
    }),
  };
}

/** A short funnel table for narrow places (the overview's group lists): the figures that rank them. */
export function compactFunnelTable(firstHeader: string, rows: { label: string; funnel: Funnel }[], t: Translate): TableModel {
  return {
    headers: [firstHeader, t("col.reach"), t("col.uniqueClicks"), t("col.orders"), t("col.netRevenue"), t("col.revenuePerReach")],
    rows: rows.map((r) => [text(r.label), count(r.funnel.reach), count(r.funnel.uniqueClicks), count(r.funnel.orders), money(r.funnel.netRevenueCents), perReach(r.funnel.revenuePerReachCents)]),
  };
}
