import { instantDay, instantTime } from "./time";

export type LocalStamp = { day: string; minutes: number };

const BUCKET_MS = 15 * 60_000;

/**
 * A fast instant → local day and minute-of-day for one zone, for the checks over thousands of
 * posts. Every zone's offset is a multiple of 15 minutes and changes on such a boundary, so the
 * local time of a 15-minute UTC bucket's start (computed once with time.ts) plus the minutes
 * into the bucket is exact and never crosses a local midnight.
 */
export function localClock(timeZone: string): (at: Date) => LocalStamp {
  const cache = new Map<number, LocalStamp>();
  return (at) => {
    const ms = at.getTime();
    const bucket = Math.floor(ms / BUCKET_MS);
    let start = cache.get(bucket);
    if (!start) {
      const s = new Date(bucket * BUCKET_MS);
      const [hh, mm] = instantTime(s, timeZone).split(":").map(Number) as [number, number];
      start = { day: instantDay(s, timeZone), minutes: hh * 60 + mm };
      cache.set(bucket, start);
    }
    return { day: start.day, minutes: start.minutes + Math.floor((ms - bucket * BUCKET_MS) / 60_000) };
  };
}

export function minutesOf(time: string): number {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return hh * 60 + mm;
}
