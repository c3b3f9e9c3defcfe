import { csvStream } from "../export/csv";
import type { RowProblem } from "./rows";

export type SkippedRowsReport = { headers: string[]; rows: string[][] };

export type ReportLabels = { row: string; column: string; problem: string };

const DEFAULT_LABELS: ReportLabels = { row: "row", column: "column", problem: "problem" };

/** Spreadsheet column letters (0 → A, 26 → AA) for original cells whose header is unknown. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The "skipped rows" sheet an operator downloads after an import: one line per problem, in
 * file order, with the row number Excel shows, the field (empty for a row without identity),
 * the problem code, and — when given — the row's original cells so it can be fixed and
 * re-imported. Keep only the failing rows in `originalRows`, not the whole file.
 */
export function problemsToCsvRows(
  problems: RowProblem[],
  originalRows?: Map<number, string[]>,
  opts: { originalHeaders?: string[]; labels?: ReportLabels } = {},
): SkippedRowsReport {
  const labels = opts.labels ?? DEFAULT_LABELS;
  let width = opts.originalHeaders?.length ?? 0;
  for (const cells of originalRows?.values() ?? []) width = Math.max(width, cells.length);
  const originalHeaders = Array.from({ length: originalRows ? width : 0 }, (_, i) => opts.originalHeaders?.[i] ?? columnLetter(i));
  const sorted = [...problems].sort((a, b) => a.rowNumber - b.rowNumber);
  const rows = sorted.map((p) => {
    const original = originalRows?.get(p.rowNumber) ?? [];
    const cells = originalHeaders.map((_, i) => original[i] ?? "");
    return [String(p.rowNumber), p.column ?? "", p.problem, ...cells];
  });
  return { headers: [labels.row, labels.column, labels.problem, ...originalHeaders], rows };
}

/** The same report as a CSV download (BOM, CRLF, formula-safe cells). */
export function skippedRowsCsv(
  problems: RowProblem[],
  originalRows?: Map<number, string[]>,
  opts: { originalHeaders?: string[]; labels?: ReportLabels } = {},
): ReadableStream<Uint8Array> {
  const { headers, rows } = problemsToCsvRows(problems, originalRows, opts);
  return csvStream(headers, rows);
}
