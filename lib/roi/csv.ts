import "server-only";
import { csvLine } from "@/lib/members/export/csv";

/**
 * A small table as a CSV download (UTF-8 with a BOM so Excel reads Chinese; every cell passes
 * escapeCell, so a campaign named "=HYPERLINK(…)" stays text).
 */
export function csvResponse(name: string, headers: string[], rows: unknown[][], timeZone: string): Response {
  const body = "\uFEFF" + csvLine(headers, { timeZone }) + rows.map((r) => csvLine(r, { timeZone })).join("");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(`${name}.csv`)}`,
      "Cache-Control": "no-store",
    },
  });
}

/** A rate as a spreadsheet shows it: "12.34%", or empty when there is nothing to divide. */
export const percentCell = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(2)}%`);
export const yuanCell = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));
export const ratioCell = (v: number | null) => (v === null ? "" : v.toFixed(2));
