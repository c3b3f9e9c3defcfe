/**
 * Money as the operator types it (yuan, up to two decimals) ↔ integer cents, without floating
 * point: "12.5" is 1250 cents, never 1249.9999.
 */
export { parseYuan, formatYuanAmount as formatYuan } from "@/lib/money";

/** Yuan as the form shows it again for editing: "1234.50". */
export function yuanInput(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

const HOURS_RE = /^(\d{1,4})(?:\.(\d{1,2}))?$/;

/** Staff hours in hundredths ("1.5" → 150), up to 9,999.99 hours; null if not a number. */
export function parseHours(text: string): number | null {
  const m = HOURS_RE.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** Staff cost: hours × hourly rate, rounded half up to the cent (integers throughout). */
export function staffCostCents(hundredthsOfHours: number, hourlyRateCents: number): number {
  return Math.floor((hundredthsOfHours * hourlyRateCents + 50) / 100);
}
