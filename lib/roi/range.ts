import { addLocalDays, DAY_RE, daysFrom, instantDay } from "@/lib/calendar/time";

/** The longest range the ROI page sums over at once. */
export const MAX_RANGE_DAYS = 366;

/**
 * The date range from the URL (`from`, `to`, local days, both included). Missing or broken
 * values fall back to the last 30 days ending today; a reversed range is swapped; a range longer
 * than a year is cut to the year ending at `to`.
 */
export function rangeFrom(params: { from?: string | null; to?: string | null }, now: Date, timeZone: string): { from: string; to: string } {
  const today = instantDay(now, timeZone);
  let to = params.to && DAY_RE.test(params.to) ? params.to : today;
  let from = params.from && DAY_RE.test(params.from) ? params.from : addLocalDays(to, -29);
  if (from > to) [from, to] = [to, from];
  if (daysFrom(from, to) >= MAX_RANGE_DAYS) from = addLocalDays(to, -(MAX_RANGE_DAYS - 1));
  return { from, to };
}

/** Pilot group ids from the URL (`pilot` repeated): uuids only, no duplicates, at most 200. */
export function pilotFrom(values: string[]): string[] {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return [...new Set(values.filter((v) => uuid.test(v)))].slice(0, 200);
}
