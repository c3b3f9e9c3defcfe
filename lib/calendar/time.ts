import { TZDate, tz } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * Wall-clock time in the workspace's zone ↔ instants. Every schedule in the calendar is written
 * as a local day ("yyyy-MM-dd") plus a local time ("HH:mm"); these helpers are the only place
 * that turns them into a timestamptz, so nothing is moved by UTC confusion or DST.
 */
export const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export class LocalTimeError extends Error {
  constructor(readonly reason: "invalid" | "nonexistent") {
    super(`local time ${reason}`);
  }
}

/**
 * The instant of a local day and time in `timeZone`. A time that does not exist (skipped by a
 * DST change) or a day that does not exist (2026-02-30) throws: it is never silently shifted.
 */
export function localToInstant(day: string, time: string, timeZone: string): Date {
  if (!DAY_RE.test(day) || !TIME_RE.test(time)) throw new LocalTimeError("invalid");
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const at = new TZDate(y, m - 1, d, hh, mm, 0, timeZone);
  if (Number.isNaN(at.getTime())) throw new LocalTimeError("invalid");
  if (format(at, "yyyy-MM-dd HH:mm", { in: tz(timeZone) }) !== `${day} ${time}`) {
    throw new LocalTimeError(Number(format(at, "d", { in: tz(timeZone) })) !== d ? "invalid" : "nonexistent");
  }
  return new Date(at.getTime());
}

/** The local day ("yyyy-MM-dd") of an instant in `timeZone`. */
export function instantDay(at: Date, timeZone: string): string {
  return format(at, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** The local time ("HH:mm") of an instant in `timeZone`. */
export function instantTime(at: Date, timeZone: string): string {
  return format(at, "HH:mm", { in: tz(timeZone) });
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local day. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The local day `n` days after `day` (calendar arithmetic, independent of any zone). */
export function addLocalDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both local days). */
export function daysFrom(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}
