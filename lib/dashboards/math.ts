/**
 * The funnel's arithmetic, kept pure for unit tests. Money is in cents; rates are fractions
 * (0.125 = 12.5 %) or null when the denominator is zero (shown as "—", never as 0 % or ∞).
 */
import { addLocalDays, daysFrom, weekdayOf } from "@/lib/calendar/time";
import { formatYuanShort } from "@/lib/money";

export type Figures = { reach: number; clicks: number; uniqueClicks: number; orders: number; revenueCents: number; refundCents: number };

export type Funnel = Figures & {
  /** revenue after refunds */
  netRevenueCents: number;
  /** unique clicks / reach */
  clickRate: number | null;
  /** orders / unique clicks */
  payRate: number | null;
  /** net revenue / orders */
  averageOrderCents: number | null;
  /** net revenue / reach: what one person reached is worth */
  revenuePerReachCents: number | null;
};

export const ZERO: Figures = { reach: 0, clicks: 0, uniqueClicks: 0, orders: 0, revenueCents: 0, refundCents: 0 };

export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function funnel(f: Figures): Funnel {
  const netRevenueCents = f.revenueCents - f.refundCents;
  return {
    ...f,
    netRevenueCents,
    clickRate: rate(f.uniqueClicks, f.reach),
    payRate: rate(f.orders, f.uniqueClicks),
    averageOrderCents: f.orders > 0 ? Math.round(netRevenueCents / f.orders) : null,
    revenuePerReachCents: rate(netRevenueCents, f.reach),
  };
}

export function addFigures(a: Figures, b: Figures): Figures {
  return {
    reach: a.reach + b.reach,
    clicks: a.clicks + b.clicks,
    uniqueClicks: a.uniqueClicks + b.uniqueClicks,
    orders: a.orders + b.orders,
    revenueCents: a.revenueCents + b.revenueCents,
    refundCents: a.refundCents + b.refundCents,
  };
}

/**
 * Change from the previous period as a fraction (+0.25 = +25 %). From nothing to something has
 * no percentage (null: shown as "new"); nothing to nothing is no change.
 */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / Math.abs(previous);
}

/** "+12.5%", "−3%", "0%"; one decimal below 10 %, none above. */
export function formatPercent(fraction: number | null, opts: { signed?: boolean } = {}): string {
  if (fraction === null || !Number.isFinite(fraction)) return "—";
  const pct = fraction * 100;
  const digits = Math.abs(pct) < 10 && pct !== Math.trunc(pct) ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits).replace(/\.0$/, "");
  const sign = pct < 0 ? "−" : opts.signed && pct > 0 ? "+" : "";
  return `${sign}${text}%`;
}

/** "¥6,617.70", "¥4,265"; "—" when there is no figure. */
export function formatYuan(cents: number | null): string {
  return cents === null || !Number.isFinite(cents) ? "—" : formatYuanShort(cents);
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** The Monday (ISO week start) of a local day "yyyy-MM-dd". */
export function weekStart(day: string): string {
  return addLocalDays(day, 1 - weekdayOf(day));
}

export type Bucket = "day" | "week";

/**
 * Daily figures summed into buckets, every bucket of [from, to] present (zeros where nothing
 * happened) so charts do not skip empty days. A week is keyed by its Monday.
 */
export function bucketize<T extends Figures & { day: string }>(rows: T[], range: { from: string; to: string }, bucket: Bucket): (Figures & { bucket: string })[] {
  const keyOf = (day: string) => (bucket === "week" ? weekStart(day) : day);
  const out = new Map<string, Figures>();
  for (let d = range.from; d <= range.to; d = addLocalDays(d, bucket === "week" ? 7 - (weekdayOf(d) - 1) : 1)) {
    out.set(keyOf(d), { ...ZERO });
  }
  for (const r of rows) {
    if (r.day < range.from || r.day > range.to) continue;
    const key = keyOf(r.day);
    out.set(key, addFigures(out.get(key) ?? ZERO, r));
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([bucket, f]) => ({ bucket, ...f }));
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_RANGE_DAYS = 400;

/**
 * A date range from the query string, in local days: default the last `defaultDays` days up
 * to today; a reversed range is swapped; an invalid or too long one falls back to the default.
 */
export function parseRange(input: { from?: string | null; to?: string | null }, today: string, defaultDays = 30): { from: string; to: string } {
  const fallback = { from: addLocalDays(today, 1 - defaultDays), to: today };
  const valid = (d: string | null | undefined): d is string => !!d && DAY_RE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!valid(input.from) || !valid(input.to)) return fallback;
  const [from, to] = input.from <= input.to ? [input.from, input.to] : [input.to, input.from];
  if (daysFrom(from, to) + 1 > MAX_RANGE_DAYS) return fallback;
  return { from, to };
}

/** The same number of days just before a range (for "vs the previous 7 days"). */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const days = daysFrom(range.from, range.to) + 1;
  return { from: addLocalDays(range.from, -days), to: addLocalDays(range.from, -1) };
}
