import { describe, expect, it } from "vitest";
import { parseTags } from "../import/rows";
import { escapeCell, formatTags } from "./cells";

describe("escapeCell", () => {
  it("neutralises every prefix a spreadsheet reads as a formula", () => {
    expect(escapeCell('=HYPERLINK("http://evil.example","点我")')).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(escapeCell("+1+1")).toBe("'+1+1");
    expect(escapeCell("-2+3")).toBe("'-2+3");
    expect(escapeCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(escapeCell("\t=1+1")).toBe("'\t=1+1");
    expect(escapeCell("\r=1+1")).toBe("'\r=1+1");
  });

  it("also escapes negative numbers and +86 phones, which are text to us anyway", () => {
    expect(escapeCell(-5)).toBe("'-5");
    expect(escapeCell("-5")).toBe("'-5");
    expect(escapeCell("+8613800138000")).toBe("'+8613800138000");
  });

  it("leaves safe values alone, including a lone '-' placeholder", () => {
    expect(escapeCell("-")).toBe("-");
    expect(escapeCell("张三")).toBe("张三");
    expect(escapeCell("a=b")).toBe("a=b");
    expect(escapeCell(" =1")).toBe(" =1");
    expect(escapeCell(42)).toBe("42");
    expect(escapeCell(0.5)).toBe("0.5");
    expect(escapeCell(true)).toBe("true");
  });

  it("writes nothing for missing values", () => {
    expect(escapeCell(null)).toBe("");
    expect(escapeCell(undefined)).toBe("");
    expect(escapeCell(Number.NaN)).toBe("");
    expect(escapeCell(new Date(Number.NaN))).toBe("");
  });

  it("writes dates as minutes in the workspace's time zone", () => {
    const joined = new Date("2024-03-05T06:22:40Z");
    expect(escapeCell(joined)).toBe("2024-03-05 14:22");
    expect(escapeCell(joined, { timeZone: "Europe/London" })).toBe("2024-03-05 06:22");
  });
});

describe("formatTags", () => {
  it("writes tags the importer reads back unchanged", () => {
    const tags = [
      { group: "兴趣", name: "咖啡" },
      { group: null, name: "VIP" },
    ];
    expect(formatTags(tags)).toBe("兴趣:咖啡,VIP");
    expect(parseTags(formatTags(tags))).toEqual(tags);
  });
});
