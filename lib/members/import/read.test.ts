import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { detectFileKind, readTable, type TableRow } from "./read";

async function rowsOf(kind: "csv" | "xlsx", chunks: (Uint8Array | string)[]): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(kind, Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : Buffer.from(c)))))) {
    rows.push(row);
  }
  return rows;
}

/** Every byte as its own chunk: multi-byte characters are always split across chunks. */
const byteByByte = (bytes: Uint8Array) => [...bytes].map((b) => Uint8Array.of(b));

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("detectFileKind", () => {
  it("recognises an XLSX by its ZIP signature, whatever the name", () => {
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00);
    expect(detectFileKind("客户列表.xlsx", zip)).toBe("xlsx");
    expect(detectFileKind("客户列表.csv", zip)).toBe("xlsx");
  });

  it("reads text as CSV even when it is named .xls, in UTF-8 or GBK", () => {
    expect(detectFileKind("roster.csv", Buffer.from("\uFEFF客户名称,手机\r\n张三,13800138000\r\n"))).toBe("csv");
    expect(detectFileKind("导出.xls", bytes([0xd5, 0xc5, 0xc8, 0xfd], "\t13800138000\r\n"))).toBe("csv");
    expect(detectFileKind("unicode.txt", Buffer.concat([Uint8Array.of(0xff, 0xfe), Buffer.from("昵称\t手机", "utf16le")]))).toBe("csv");
  });

  it("refuses a PNG renamed .csv, an old binary .xls and an HTML table", () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(detectFileKind("members.csv", png)).toBeNull();
    expect(detectFileKind("members.xls", Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBeNull();
    expect(detectFileKind("members.xls", Buffer.from("<html><table><tr><td>张三</td></tr></table></html>"))).toBeNull();
  });

  it("goes by the name only when there are no bytes to judge", () => {
    expect(detectFileKind("empty.csv", new Uint8Array())).toBe("csv");
    expect(detectFileKind("empty.xlsx", new Uint8Array())).toBe("xlsx");
    expect(detectFileKind("empty.png", new Uint8Array())).toBeNull();
  });
});

describe("readTable (CSV)", () => {
  it("strips the BOM, trims cells, keeps quoted commas and line breaks, and numbers rows as Excel does", async () => {
    const csv = '\uFEFF客户名称 , 备注,标签\r\n张三," 老客户,常来 ","兴趣:咖啡\n VIP"\r\n\r\n,,\r\n李四,"说 ""你好""",\r\n';
    expect(await rowsOf("csv", [csv])).toEqual([
      { rowNumber: 1, cells: ["客户名称", "备注", "标签"] },
      { rowNumber: 2, cells: ["张三", "老客户,常来", "兴趣:咖啡\n VIP"] },
      { rowNumber: 5, cells: ["李四", '说 "你好"', ""] },
    ]);
  });

  it("decodes a GB18030/GBK file from Excel on Chinese Windows, even split mid-character", async () => {
    // 昵称,手机 / 张三,13800138000 / 李四,标签 in GBK; Node cannot encode GBK, so the bytes are spelled out.
    const gbk = bytes([0xea, 0xc7, 0xb3, 0xc6], ",", [0xca, 0xd6, 0xbb, 0xfa], "\r\n", [0xd5, 0xc5, 0xc8, 0xfd], ",13800138000\r\n", [0xc0, 0xee, 0xcb, 0xc4], ",", [0xb1, 0xea, 0xc7, 0xa9], "\r\n");
    const expected = [
      { rowNumber: 1, cells: ["昵称", "手机"] },
      { rowNumber: 2, cells: ["张三", "13800138000"] },
      { rowNumber: 3, cells: ["李四", "标签"] },
    ];
    expect(await rowsOf("csv", [gbk])).toEqual(expected);
    expect(await rowsOf("csv", byteByByte(gbk))).toEqual(expected);
  });

  it("still recognises GBK when the first 64 KiB are plain ASCII", async () => {
    const english = "name,phone\r\n" + "anna,13800138000\r\n".repeat(5000);
    const rows = await rowsOf("csv", [english, bytes([0xd5, 0xc5, 0xc8, 0xfd], ",13900139000\r\n")]);
    expect(rows).toHaveLength(5002);
    expect(rows.at(-1)).toEqual({ rowNumber: 5002, cells: ["张三", "13900139000"] });
  });

  it("keeps UTF-8 characters whole when a chunk ends inside one", async () => {
    expect(await rowsOf("csv", byteByByte(Buffer.from("昵称\n张三🎉\n")))).toEqual([
      { rowNumber: 1, cells: ["昵称"] },
      { rowNumber: 2, cells: ["张三🎉"] },
    ]);
  });

  it("reads tab-separated text, including Excel's UTF-16 'Unicode text'", async () => {
    expect(await rowsOf("csv", ["昵称\t备注\n张三\t逗号,不拆\n"])).toEqual([
      { rowNumber: 1, cells: ["昵称", "备注"] },
      { rowNumber: 2, cells: ["张三", "逗号,不拆"] },
    ]);
    const utf16 = Buffer.concat([Uint8Array.of(0xff, 0xfe), Buffer.from("昵称\t手机\r\n张三\t13800138000\r\n", "utf16le")]);
    expect(await rowsOf("csv", [utf16])).toEqual([
      { rowNumber: 1, cells: ["昵称", "手机"] },
      { rowNumber: 2, cells: ["张三", "13800138000"] },
    ]);
  });

  it("honours Excel's sep= line without counting it as a row", async () => {
    expect(await rowsOf("csv", ["sep=;\r\n昵称;备注\r\n张三;a,b\r\n"])).toEqual([
      { rowNumber: 1, cells: ["昵称", "备注"] },
      { rowNumber: 2, cells: ["张三", "a,b"] },
    ]);
  });

  it("yields rows while the upload is still arriving, and reads 100,000 rows", async () => {
    const total = 100_000;
    let produced = 0;
    function* upload() {
      yield Buffer.from("昵称,手机,入群时间\r\n");
      for (let i = 0; i < total; i += 1000) {
        let chunk = "";
        for (let j = i; j < i + 1000; j++) chunk += `成员${j},138${String(j).padStart(8, "0")},2024-03-05 14:22\r\n`;
        produced = i + 1000;
        yield Buffer.from(chunk);
      }
    }
    let count = 0;
    let producedAtFirstRow = -1;
    let last: TableRow | null = null;
    for await (const row of readTable("csv", Readable.from(upload()))) {
      if (row.rowNumber === 2) producedAtFirstRow = produced;
      count++;
      last = row;
    }
    expect(producedAtFirstRow).toBeGreaterThan(0);
    expect(producedAtFirstRow).toBeLessThan(total / 2);
    expect(count).toBe(total + 1);
    expect(last).toEqual({ rowNumber: total + 1, cells: [`成员${total - 1}`, "13800099999", "2024-03-05 14:22"] });
  });

  it("releases the upload when the caller stops early", async () => {
    const source = Readable.from((function* () {
      for (let i = 0; ; i++) yield Buffer.from(`行${i},x\n`);
    })());
    for await (const row of readTable("csv", source)) {
      if (row.rowNumber === 3) break;
    }
    expect(source.destroyed).toBe(true);
  });

  it("fails, rather than hangs, when the upload fails", async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from("昵称\n张三\n"));
    setImmediate(() => source.destroy(new Error("connection reset")));
    await expect(rowsOf2(readTable("csv", source))).rejects.toThrow("connection reset");
  });
});

async function rowsOf2(rows: AsyncIterable<TableRow>): Promise<number> {
  let n = 0;
  for await (const row of rows) n += row ? 1 : 0;
  return n;
}
