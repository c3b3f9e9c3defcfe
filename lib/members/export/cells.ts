import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import { DEFAULT_TIME_ZONE, assertTimeZone } from "../import/dates";
import type { Tag } from "../import/rows";

export type CellOptions = {
  /** Zone for Date values; defaults to Asia/Shanghai like the rest of the roster code. */
  timeZone?: string;
};

/**
 * Characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP "CSV
 * injection"). A nickname like "=HYPERLINK(...)" in a WeChat group must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function stringify(value: unknown, opts: CellOptions): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
    assertTimeZone(timeZone);
    return format(value, "yyyy-MM-dd HH:mm", { in: tz(timeZone) });
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => stringify(v, opts)).join(",");
  return JSON.stringify(value) ?? "";
}

/**
 * A value as safe spreadsheet text. A text starting with = + - @, a tab or a carriage return
 * gets a leading apostrophe, so it is shown, never evaluated. That includes negative numbers
 * and phone numbers written "+86…" ("'-5", "'+8613800138000"): the importer strips the
 * apostrophe from phones again. A lone "-" is left alone: it cannot form a formula, and exports
 * use it for "no value".
 */
export function escapeCell(value: unknown, opts: CellOptions = {}): string {
  const text = stringify(value, opts);
  return text !== "-" && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Tags written the way the importer reads them back: "兴趣:咖啡,VIP". */
export function formatTags(tags: Tag[]): string {
  return tags.map((t) => (t.group ? `${t.group}:${t.name}` : t.name)).join(",");
}
