import { describe, expect, it } from "vitest";
import { formatYuanAmount, formatYuanShort, parseYuan } from "./money";

describe("money", () => {
  it("reads yuan as people type them into exact cents", () => {
    expect(parseYuan("12")).toBe(1200);
    expect(parseYuan("12.5")).toBe(1250);
    expect(parseYuan("0.07")).toBe(7);
    expect(parseYuan("¥1,234.56")).toBe(123456);
    expect(parseYuan("￥ 8.80")).toBe(880);
    expect(parseYuan("8.8元")).toBe(880);
    expect(parseYuan("0.1")! + parseYuan("0.2")!).toBe(30);
  });

  it("refuses negatives, three decimals and text", () => {
    for (const bad of ["-1", "1.234", "abc", "", "1e3", "12.", ".5"]) expect(parseYuan(bad), bad).toBeNull();
  });

  it("writes cents back as yuan", () => {
    expect(formatYuanAmount(123450)).toBe("1,234.50");
    expect(formatYuanAmount(7)).toBe("0.07");
    expect(formatYuanShort(661770)).toBe("¥6,617.70");
    expect(formatYuanShort(426500)).toBe("¥4,265");
    expect(formatYuanShort(-5000)).toBe("−¥50");
  });
});
