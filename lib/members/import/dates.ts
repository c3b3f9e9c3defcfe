import { isValid, parse, parseISO } from "date-fns";
import { TZDate, tz } from "@date-fns/tz";

/**
 * Join times as they appear in rosters. WeCom exports "2024-03-05 14:22"; Excel on a Chinese
 * system re-saves it as "2024/3/5 14:22"; hand-made sheets say "2024年3月5日"; an XLSX date
 * cell arrives from readTable as "2024-03-05T14:22:00"; a CSV saved from a date-formatted
 * column can hold the raw serial ("45356.6"); API dumps hold Unix timestamps. A time with no
 * zone is the wall-clock time of the workspace's zone.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const DATE_PATTERNS = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
const TIME_PATTERNS = ["", " H:mm", " H:mm:ss"];
const FORMATS = DATE_PATTERNS.flatMap((d) => TIME_PATTERNS.map((t) => d + t));

/** Serials from 1970-01-01 to 9999-12-31; smaller numbers are counts or ids, not join dates. */
const SERIAL_MIN = 25569;
const SERIAL_MAX = 2958465;
const DAY_MS = 86_400_000;

const checkedZones = new Set<string>();

/** A mistyped zone would silently make every date invalid; fail loudly instead. */
export function assertTimeZone(timeZone: string): void {
  if (checkedZones.has(timeZone)) return;
  new Intl.DateTimeFormat("en", { timeZone }); // throws RangeError for an unknown zone
  checkedZones.add(timeZone);
}

function fromSerial(serial: number, timeZone: string): Date {
  // Excel's 1900 system counts from 1899-12-30 (its phantom 1900-02-29 is why): serial 25569 is
  // 1970-01-01. The fraction is the wall-clock time of day, rounded to the second.
  const wall = new Date(Math.round(((serial - SERIAL_MIN) * DAY_MS) / 1000) * 1000);
  return wallClock(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), timeZone);
}

function wallClock(y: number, m: number, d: number, h: number, min: number, s: number, timeZone: string): Date {
  return new Date(new TZDate(y, m, d, h, min, s, timeZone).getTime());
}

/**
 * The forms nearly every roster uses ("2024-03-05 14:22", "2024/3/5", "2024.3.5 14:22:08"),
 * read without date-fns: its `parse` tries each format in a zone context at ~250 µs a cell,
 * most of an import's CPU. Digit counts follow date-fns (M, d, H, mm, ss take one or two
 * digits). Only years from 1970 are taken here: before that, date-fns' zone arithmetic
 * disagrees with the zone database (local mean time), and behaviour must not change. Anything
 * this path does not accept, including impossible dates and hours, goes on to date-fns, which
 * keeps its answer (it reads "2024-03-05 24:00" as the next midnight, through parseISO).
 */
const NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fromNumeric(text: string, timeZone: string): Date | null {
  const m = NUMERIC.exec(text);
  if (!m) return null;
  const part = (i: number) => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(3), part(4), part(5), part(6), part(7)];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return wallClock(year, month - 1, day, hour, minute, second, timeZone);
}

function fromDigits(text: string, timeZone: string): Date | null {
  if (/^\d{10}$/.test(text)) return new Date(Number(text) * 1000);
  if (/^\d{13}$/.test(text)) return new Date(Number(text));
  const serial = Number(text);
  if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return fromSerial(serial, timeZone);
  return null;
}

/** The instant a roster cell names, or null when it is not a date we can read. */
export function parseJoinedAt(raw: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  assertTimeZone(timeZone);
  const text = raw.trim().replace(/\s+/g, " ");
  if (!text) return null;
  // Eight digits is 20240305 (yyyyMMdd), handled by the patterns below; other numbers are
  // Excel serials or Unix timestamps.
  if (/^\d+(\.\d+)?$/.test(text) && !/^\d{8}$/.test(text)) return fromDigits(text, timeZone);
  const fast = fromNumeric(text, timeZone);
  if (fast) return fast;
  const context = { in: tz(timeZone) };
  for (const format of FORMATS) {
    const date = parse(text, format, new Date(0), context);
    if (isValid(date)) return new Date(date.getTime());
  }
  // ISO 8601, with or without a zone ("2024-03-05T14:22:08+08:00", readTable's XLSX dates).
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(text)) {
    const date = parseISO(text, context);
    if (isValid(date)) return new Date(date.getTime());
  }
  return null;
}
