import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable, type TableRow } from "./read";

/** An upload arriving in small pieces, as from a network request. */
function upload(bytes: Buffer, chunkSize = 1024): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

async function collect(rows: AsyncIterable<TableRow>): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** A roster as WeCom or Excel would save it: shared strings, styles, two tabs. */
async function rosterWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("客户列表");
  sheet.addRow(["客户名称", "添加时间", "手机", "积分", "标签", "备注", "官网", "次数", "到期", "VIP"]);
  const row = sheet.addRow([
    "张三",
    new Date(Date.UTC(2024, 2, 5, 14, 22, 0)), // Excel keeps wall-clock 2024-03-05 14:22, no zone
    13800138000,
    0.1 + 0.2,
    { richText: [{ text: "兴趣:" }, { font: { bold: true }, text: "咖啡" }] },
    "  老客户  ",
    { text: "门店主页", hyperlink: "https://example.com" },
    { formula: "2+3", result: 5 },
    { formula: "B2+30", result: 45386.6 },
    true,
  ]);
  row.getCell(2).numFmt = "yyyy-mm-dd hh:mm";
  row.getCell(9).numFmt = "yyyy/m/d h:mm";
  sheet.addRow([]);
  sheet.addRow(["李四", 45356.6, null, -5, null, { error: "#N/A" }]);
  wb.addWorksheet("说明").addRow(["这一页不导入"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readTable (XLSX)", () => {
  it("reads the first sheet's cells as the text a person sees", async () => {
    const rows = await collect(readTable("xlsx", upload(await rosterWorkbook())));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["客户名称", "添加时间", "手机", "积分", "标签", "备注", "官网", "次数", "到期", "VIP"] },
      {
        rowNumber: 2,
        cells: ["张三", "2024-03-05T14:22:00", "13800138000", "0.3", "兴趣:咖啡", "老客户", "门店主页", "5", "2024-04-04T14:24:00", "TRUE"],
      },
      // Row 3 is empty: skipped, but row 4 keeps its number. An unformatted serial stays a number.
      { rowNumber: 4, cells: ["李四", "45356.6", "", "-5", "", ""] },
    ]);
  });

  it("fails, rather than hangs, when the upload breaks off", async () => {
    const bytes = await rosterWorkbook();
    const source = new Readable({ read() {} });
    source.push(bytes.subarray(0, 200));
    setImmediate(() => source.destroy(new Error("connection reset")));
    await expect(collect(readTable("xlsx", source))).rejects.toThrow("connection reset");
  });

  it("rejects a file that is not a valid workbook", async () => {
    const notZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 0x41)]);
    await expect(collect(readTable("xlsx", upload(notZip)))).rejects.toThrow();
  });
});
