import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable, type TableRow } from "../import/read";
import { safeSheetName, xlsxStream } from "./xlsx";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

const HEADERS = ["昵称", "手机", "入群时间", "积分"];
const ROWS = [
  ["张三🎉", "13800138000", new Date("2024-03-05T06:22:00Z"), 12],
  ["=HYPERLINK(\"http://evil.example\")", null, null, -5],
];

describe("xlsxStream", () => {
  it("writes a workbook the importer reads back, every cell formula-safe text", async () => {
    const bytes = await bytesOf(xlsxStream(HEADERS, ROWS));
    const rows: TableRow[] = [];
    for await (const row of readTable("xlsx", Readable.from([bytes]))) rows.push(row);
    expect(rows).toEqual([
      { rowNumber: 1, cells: HEADERS },
      { rowNumber: 2, cells: ["张三🎉", "13800138000", "2024-03-05 14:22", "12"] },
      { rowNumber: 3, cells: ["'=HYPERLINK(\"http://evil.example\")", "", "", "'-5"] },
    ]);
  });

  it("makes the header row bold, stores strings not formulas, and names the sheet", async () => {
    const bytes = await bytesOf(xlsxStream(HEADERS, ROWS, { sheetName: "成员/2024:3月" }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("成员 2024 3月");
    expect(sheet?.getCell("A1").font?.bold).toBe(true);
    expect(sheet?.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell("D2").value).toBe("12");
  });

  it("reads members only as fast as the download is read, and stops on cancel", async () => {
    const total = 50_000;
    let pulled = 0;
    let finished!: () => void;
    const stopped = new Promise<void>((resolve) => (finished = resolve));
    async function* members() {
      try {
        for (let i = 0; i < total; i++) {
          pulled++;
          yield [`成员${i}号`, `138${String(i).padStart(8, "0")}`, `备注${i * 7919}`, i];
        }
      } finally {
        finished();
      }
    }
    const reader = xlsxStream(HEADERS, members()).getReader();
    await reader.read();
    // Give the writer every chance to run ahead (event-loop turns, not a timer): without
    // back-pressure it would pull all 50,000 members into memory while nobody reads.
    for (let i = 0; i < 300; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBeLessThan(10_000);
    await reader.cancel();
    await stopped;
    expect(pulled).toBeLessThan(10_000);
  });
});

describe("safeSheetName", () => {
  it("keeps names Excel accepts", () => {
    expect(safeSheetName(undefined)).toBe("Sheet1");
    expect(safeSheetName("  ")).toBe("Sheet1");
    expect(safeSheetName("a".repeat(40))).toHaveLength(31);
    expect(safeSheetName("'成员'")).toBe("成员");
  });
});
