import ExcelJS from "exceljs";
import { escapeCell } from "@/lib/members/export/cells";
import { cellText } from "@/lib/members/import/xlsx-read";
import { INFO_SHEET, infoRows, parseSheetRows, SHEET_COLUMNS, stepRows, unescapeCell, type ExportTemplate, type ParseResult } from "./exchange";

const STEPS_SHEET = "SOP";
const WIDTHS = [16, 60, 10, 30, 8, 24, 38, 38];

/** The template as a workbook: the steps on the first sheet, name and settings on a second. */
export async function toXlsx(t: ExportTemplate): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(STEPS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.addRow([...SHEET_COLUMNS]).font = { bold: true };
  // Every cell is text through escapeCell: a note starting with "=" is shown, never evaluated.
  for (const row of stepRows(t)) sheet.addRow(row.map((v) => escapeCell(v))).alignment = { wrapText: true, vertical: "top" };
  const info = book.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 12 }, { width: 60 }];
  for (const row of infoRows(t)) info.addRow(row.map((v) => escapeCell(v)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function sheetRows(sheet: ExcelJS.Worksheet | undefined) {
  const rows: { rowNumber: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = cellText(cell.value, cell.numFmt);
    });
    const filled = Array.from(cells, (c) => c ?? "");
    if (filled.some((c) => c.trim() !== "")) rows.push({ rowNumber, cells: filled });
  });
  return rows;
}

export async function parseXlsxTemplate(bytes: Uint8Array, fallbackName: string): Promise<ParseResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { problems: [{ message: "sopImport.notXlsx" }] };
  }
  const info: Record<string, string> = {};
  for (const r of sheetRows(book.getWorksheet(INFO_SHEET))) info[unescapeCell(r.cells[0] ?? "").trim()] = unescapeCell(r.cells[1] ?? "");
  const first = book.worksheets.find((s) => s.name !== INFO_SHEET);
  return parseSheetRows(sheetRows(first), info, fallbackName);
}
