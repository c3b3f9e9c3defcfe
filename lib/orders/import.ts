import "server-only";
import { Readable } from "node:stream";
import type { DbOrTx } from "@/db/client";
import { detectFileKind, readTable } from "@/lib/members/import/read";
import { ingestOrder } from "./commands";
import { indexColumns, toOrderInput, type OrderColumn, type OrderRowProblem } from "./import-rows";
import { getAttributionWindowDays } from "./settings";

export const MAX_IMPORT_ROWS = 20_000;

export type ImportSummary = {
  rows: number;
  created: number;
  duplicates: number;
  conflicts: { rowNumber: number; externalId: string }[];
  problems: { rowNumber: number; problem: OrderRowProblem }[];
  missingColumns: OrderColumn[];
  unreadable: boolean;
};

/**
 * Imports a store's order export (CSV or XLSX) with the webhook's idempotency: an order id seen
 * before with the same data is skipped (a duplicate), with other data reported as a conflict and
 * left as it was. Rows that cannot be read are reported with their row number.
 */
export async function importOrders(db: DbOrTx, q: { workspaceId: string; filename: string; bytes: Uint8Array; timeZone: string }): Promise<ImportSummary> {
  const summary: ImportSummary = { rows: 0, created: 0, duplicates: 0, conflicts: [], problems: [], missingColumns: [], unreadable: false };
  const kind = detectFileKind(q.filename, q.bytes.subarray(0, 4096));
  if (!kind) return { ...summary, unreadable: true };
  const windowDays = await getAttributionWindowDays(db, q.workspaceId);
  let index: ReturnType<typeof indexColumns>["index"] | null = null;
  try {
    for await (const row of readTable(kind, Readable.from([Buffer.from(q.bytes)]))) {
      if (!index) {
        const columns = indexColumns(row.cells);
        if (columns.missing.length) return { ...summary, missingColumns: columns.missing };
        index = columns.index;
        continue;
      }
      if (++summary.rows > MAX_IMPORT_ROWS) {
        summary.rows--;
        summary.problems.push({ rowNumber: row.rowNumber, problem: "too_long" });
        break;
      }
      const parsed = toOrderInput(row.cells, index, q.timeZone);
      if (!parsed.ok) {
        summary.problems.push({ rowNumber: row.rowNumber, problem: parsed.problem });
        continue;
      }
      const outcome = await ingestOrder(db, { workspaceId: q.workspaceId, order: parsed.order, source: "import", windowDays });
      if (outcome.status === "created") summary.created++;
      else if (outcome.status === "duplicate") summary.duplicates++;
      else summary.conflicts.push({ rowNumber: row.rowNumber, externalId: parsed.order.externalId });
    }
  } catch {
    return { ...summary, unreadable: true };
  }
  if (!index) return { ...summary, missingColumns: ["externalId", "amount", "occurredAt"] };
  return summary;
}
