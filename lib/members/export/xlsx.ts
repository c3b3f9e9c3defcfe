import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { escapeCell, type CellOptions } from "./cells";
import type { RowSource } from "./rows-source";

export type XlsxOptions = CellOptions & { sheetName?: string };

/** Rows written between checks on the reader; keeps zlib fed without letting output pile up. */
const ROWS_PER_CHECK = 500;

/** Excel refuses names over 31 characters or holding \ / ? * [ ] : and would call the file corrupt. */
export function safeSheetName(name: string | undefined): string {
  const cleaned = [...(name ?? "").replace(/[\\/?*[\]:]/g, " ")].slice(0, 31).join("").trim();
  return cleaned.replace(/^'+|'+$/g, "") || "Sheet1";
}

/** Column width in Excel units: CJK characters take two. */
function widthOf(header: string): number {
  const units = [...header].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  return Math.min(40, Math.max(10, units + 4));
}

function waitForReader(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}

async function writeWorkbook(out: PassThrough, headers: string[], rows: RowSource, opts: XlsxOptions): Promise<void> {
  // No shared-strings table: it would hold every distinct string until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(safeSheetName(opts.sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ width: widthOf(h) }));
  const header = sheet.addRow(headers.map((h) => escapeCell(h)));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for await (const values of rows) {
    if (out.destroyed) return; // the download was cancelled
    // Strings only: a cell typed as text is never evaluated, and escapeCell covers the user
    // who later edits the cell and presses Enter.
    sheet.addRow(values.map((v) => escapeCell(v, opts))).commit();
    if (++written % ROWS_PER_CHECK === 0) {
      // Let zlib and the reader run even when rows come from a plain array.
      await new Promise((resolve) => setImmediate(resolve));
      if (out.writableNeedDrain) await waitForReader(out);
    }
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * An XLSX download as a web stream, written row by row with exceljs's streaming writer: header
 * row bold and frozen, every cell a string passed through escapeCell.
 */
export function xlsxStream(headers: string[], rows: RowSource, opts: XlsxOptions = {}): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  writeWorkbook(out, headers, rows, opts).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  const chunks = out[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
    },
    async cancel() {
      out.destroy();
      await chunks.return?.();
    },
  });
}
