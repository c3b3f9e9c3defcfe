/**
 * Money is integer cents (分) everywhere (DESIGN.md); these are the only conversions from and to
 * what people type and read. No floating point: "12.5" is 1250 cents, never 1249.9999.
 */
const YUAN_RE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Cents of "12", "12.5", "1,234.56", "¥8.80", "8.8元"; null for anything else (negative, 3 decimals, text). */
export function parseYuan(text: string): number | null {
  const cleaned = text.trim().replace(/^[¥￥]\s*/, "").replace(/\s*元$/, "").replaceAll(",", "");
  const m = YUAN_RE.exec(cleaned);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** "1,234.50" for 123450 cents: grouped, always two decimals, no currency sign. */
export function formatYuanAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

/** "¥6,617.70", or "¥4,265" for whole yuan: for figures read at a glance. */
export function formatYuanShort(cents: number): string {
  const sign = cents < 0 ? "−" : "";
  const text = formatYuanAmount(Math.abs(cents));
  return `${sign}¥${text.endsWith(".00") ? text.slice(0, -3) : text}`;
}
