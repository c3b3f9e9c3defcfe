import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { releaseInput, type TableInput, type TableRow } from "./table";

/**
 * Streaming XLSX reading with exceljs. Excel and WeCom write xl/sharedStrings.xml after the
 * worksheets; exceljs then parks each worksheet in a temporary file until the strings are
 * known, so memory stays flat either way.
 */

/** Excel dates are wall-clock times with no zone; exceljs hands them over as UTC fields. */
function wallClockIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  // A stored 14:22 often comes back as 14:21:59.9996 after float arithmetic.
  return new Date(Math.round(d.getTime() / 1000) * 1000).toISOString().slice(0, 19);
}

/** 0.1 + 0.2 is stored as 0.30000000000000004; Excel itself shows 15 significant digits. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** Whether a number format shows a date or time (quoted text, [colour] and \x escapes aside). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmyhs]/i.test(bare);
}

function excelSerialToIso(serial: number): string {
  return wallClockIso(new Date(Math.round((serial - 25569) * 86_400_000)));
}

type RichText = { richText: { text: string }[] };

function isRichText(v: object): v is RichText {
  return "richText" in v && Array.isArray((v as RichText).richText);
}

/** One cell as the text a person sees in Excel (formulas by their cached result). */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return isDateFormat(numFmt) ? excelSerialToIso(value) : numberText(value);
  if (value instanceof Date) return wallClockIso(value);
  if (isRichText(value)) return value.richText.map((r) => r.text ?? "").join("");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue, numFmt);
  // exceljs leaves a formula's date result as a serial number; the cell's format says it's a date.
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
  // #N/A, #REF! and the like carry no roster data.
  return "";
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    cells[col - 1] = cellText(cell.value, cell.numFmt).trim();
  });
  return Array.from(cells, (c) => c ?? "");
}

async function* asBuffers(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    yield typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string };
type BookReader = { model?: { sheets?: { name?: string }[] } };

/**
 * exceljs pipes the input into its unzipper without forwarding the input's errors, so a failed
 * upload would hang it forever; every wait is raced against the input failing.
 */
function failureOf(source: Readable): Promise<never> {
  const failed = new Promise<never>((_, reject) => source.once("error", reject));
  failed.catch(() => {});
  return failed;
}

export async function* readXlsx(input: TableInput): AsyncGenerator<TableRow> {
  const source = input instanceof Readable ? input : Readable.from(asBuffers(input), { objectMode: false });
  const failed = failureOf(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    styles: "cache", // number formats tell dates from plain numbers
    hyperlinks: "ignore", // a link cell keeps its text as the value
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<SheetReader>;
  let read = false;
  try {
    for (let next = await Promise.race([sheets.next(), failed]); !next.done; next = await Promise.race([sheets.next(), failed])) {
      const sheet = next.value;
      const firstName = (reader as unknown as BookReader).model?.sheets?.[0]?.name;
      // Only the first tab in workbook order; the zip may list another sheet first. Later
      // sheets are skipped but the archive is still read to its end, so exceljs removes its
      // temporary files.
      if (read || (firstName && sheet.name && sheet.name !== firstName)) continue;
      read = true;
      const rows = sheet[Symbol.asyncIterator]();
      for (let row = await Promise.race([rows.next(), failed]); !row.done; row = await Promise.race([rows.next(), failed])) {
        const cells = rowCells(row.value);
        if (cells.some((c) => c !== "")) yield { rowNumber: row.value.number, cells };
      }
    }
  } finally {
    source.destroy();
    releaseInput(input);
  }
}
