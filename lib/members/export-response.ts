import "server-only";
import { csvStream } from "./export/csv";
import type { RowSource } from "./export/rows-source";
import { xlsxStream } from "./export/xlsx";

/** A download in the format asked for; cells are formula-safe either way (see export/cells.ts). */
export function exportResponse(format: string | null, name: string, headers: string[], rows: RowSource, timeZone: string): Response {
  const xlsx = format === "xlsx";
  const body = xlsx ? xlsxStream(headers, rows, { sheetName: name, timeZone }) : csvStream(headers, rows, { timeZone });
  const file = `${name}.${xlsx ? "xlsx" : "csv"}`;
  return new Response(body, {
    headers: {
      "Content-Type": xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="export.${xlsx ? "xlsx" : "csv"}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      "Cache-Control": "no-store",
    },
  });
}
