import { describe, expect, it } from "vitest";
import { columnLetter, problemsToCsvRows, skippedRowsCsv } from "./report";
import type { RowProblem } from "./rows";

const PROBLEMS: RowProblem[] = [
  { rowNumber: 9, column: "phone", problem: "phone_invalid" },
  { rowNumber: 4, column: null, problem: "no_identity" },
  { rowNumber: 9, column: "joinedAt", problem: "date_invalid" },
];

describe("problemsToCsvRows", () => {
  it("lists problems in file order with the row number Excel shows", () => {
    expect(problemsToCsvRows(PROBLEMS)).toEqual({
      headers: ["row", "column", "problem"],
      rows: [
        ["4", "", "no_identity"],
        ["9", "phone", "phone_invalid"],
        ["9", "joinedAt", "date_invalid"],
      ],
    });
  });

  it("appends the original cells under the file's own headers, or column letters", () => {
    const originals = new Map([
      [4, ["", "只有备注"]],
      [9, ["张三", "", "12345", "上周"]],
    ]);
    const named = problemsToCsvRows(PROBLEMS, originals, { originalHeaders: ["昵称", "备注", "手机", "入群时间"], labels: { row: "行号", column: "列", problem: "问题" } });
    expect(named.headers).toEqual(["行号", "列", "问题", "昵称", "备注", "手机", "入群时间"]);
    expect(named.rows[0]).toEqual(["4", "", "no_identity", "", "只有备注", "", ""]);
    expect(problemsToCsvRows(PROBLEMS, originals).headers).toEqual(["row", "column", "problem", "A", "B", "C", "D"]);
  });
});

describe("skippedRowsCsv", () => {
  it("is a formula-safe CSV download", async () => {
    const text = await new Response(skippedRowsCsv([{ rowNumber: 2, column: null, problem: "no_identity" }], new Map([[2, ["=cmd|' /C calc'!A0"]]]))).text();
    expect(text).toBe("row,column,problem,A\r\n2,,no_identity,'=cmd|' /C calc'!A0\r\n");
  });
});

describe("columnLetter", () => {
  it("counts like Excel", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});
