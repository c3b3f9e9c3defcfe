import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readTable, type TableRow } from "../import/read";
import { csvStream } from "./csv";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function readBack(bytes: Buffer): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable("csv", Readable.from([bytes]))) rows.push(row);
  return rows;
}

describe("csvStream", () => {
  it("starts with a UTF-8 BOM so Excel shows Chinese, and ends lines with CRLF", async () => {
    const bytes = await bytesOf(csvStream(["昵称", "手机"], [["张三", "13800138000"]]));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe("昵称,手机\r\n张三,13800138000\r\n");
  });

  it("quotes per RFC 4180 and neutralises formulas", async () => {
    const bytes = await bytesOf(csvStream(["a", "b", "c", "d"], [['说 "你好"', "一,二", "第一行\n第二行", "=1+1"]]));
    expect(bytes.subarray(3).toString("utf8")).toBe('a,b,c,d\r\n"说 ""你好""","一,二","第一行\n第二行",\'=1+1\r\n');
  });

  it("round-trips through the importer's reader", async () => {
    const rows = [
      ["张三🎉", "老客户,常来", "兴趣:咖啡,VIP", new Date("2024-03-05T06:22:00Z")],
      ["李四", "", "多行\r\n备注", null],
    ];
    const read = await readBack(await bytesOf(csvStream(["昵称", "备注", "标签", "入群时间"], rows)));
    expect(read).toEqual([
      { rowNumber: 1, cells: ["昵称", "备注", "标签", "入群时间"] },
      { rowNumber: 2, cells: ["张三🎉", "老客户,常来", "兴趣:咖啡,VIP", "2024-03-05 14:22"] },
      { rowNumber: 3, cells: ["李四", "", "多行\r\n备注", ""] },
    ]);
  });

  it("pulls rows from an async source only as the download is read, and stops it on cancel", async () => {
    let pulled = 0;
    let stopped = false;
    async function* members() {
      try {
        for (let i = 0; i < 100_000; i++) {
          pulled++;
          yield [`成员${i}`, `138${String(i).padStart(8, "0")}`];
        }
      } finally {
        stopped = true;
      }
    }
    const reader = csvStream(["昵称", "手机"], members()).getReader();
    await reader.read(); // BOM and header
    await reader.read(); // one batch of rows
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(5_000);
    await reader.cancel();
    expect(stopped).toBe(true);
  });
});
