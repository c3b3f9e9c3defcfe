import { TZDate, tz } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/**
 * WeChat prints a group QR's expiry as a day ("7 天内(11月20日前)有效"). The console asks for
 * the last day it may be used, in the workspace's zone; the QR stops working when it ends.
 */
export function expiresAtFromDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + 1, 0, 0, 0, timeZone).getTime());
}

/** The last valid day of an expiry instant, for the date input. */
export function dayFromExpiresAt(at: Date, timeZone: string): string {
  return format(new Date(at.getTime() - 1), "yyyy-MM-dd", { in: tz(timeZone) });
}

/** A freshly uploaded group QR is good for 7 days counting today: its last day is today + 6. */
export function defaultExpiryDay(now: Date, timeZone: string): string {
  return format(addDays(now, 6), "yyyy-MM-dd", { in: tz(timeZone) });
}

/** Calendar days (in the zone) from `from` to `to`, inclusive: the x axis of the scans chart. */
export function daysBetween(from: Date, to: Date, timeZone: string): string[] {
  const out: string[] = [];
  const last = format(to, "yyyy-MM-dd", { in: tz(timeZone) });
  for (let d = from; out.length < 400; d = addDays(d, 1)) {
    const day = format(d, "yyyy-MM-dd", { in: tz(timeZone) });
    out.push(day);
    if (day >= last) break;
  }
  return out;
}

/** The last `days` calendar days in the zone, today included: where the stats start, and their days. */
export function statsWindow(days: number, timeZone: string, now = new Date()): { since: Date; days: string[] } {
  const first = format(addDays(now, -(days - 1)), "yyyy-MM-dd", { in: tz(timeZone) });
  const since = expiresAtFromDay(first, timeZone);
  const start = new Date(since.getTime() - 24 * 60 * 60 * 1000);
  return { since: start, days: daysBetween(start, now, timeZone) };
}
