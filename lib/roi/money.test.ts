import { describe, expect, it } from "vitest";
import { funnelRates, roiOf } from "./math";
import { formatYuan, parseHours, parseYuan, staffCostCents, yuanInput } from "./money";

describe("yuan", () => {
  it("parses what an operator types into cents without rounding errors", () => {
    expect(parseYuan("12")).toBe(1200);
    expect(parseYuan("12.5")).toBe(1250);
    expect(parseYuan("0.07")).toBe(7);
    expect(parseYuan(" ¥1,234.56 ")).toBe(123456);
    expect(parseYuan("19.99")).toBe(1999);
    expect(parseYuan("4.35")).toBe(435);
  });

  it("refuses what is not an amount of yuan", () => {
    for (const bad of ["", "abc", "1.234", "-5", "1e3", "12.", ".5"]) expect(parseYuan(bad), bad).toBeNull();
  });

  it("formats cents for reading and for editing", () => {
    expect(formatYuan(123456)).toBe("1,234.56");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(-250)).toBe("-2.50");
    expect(yuanInput(123450)).toBe("1234.50");
  });

  it("prices staff hours × hourly rate to the cent", () => {
    expect(parseHours("1.5")).toBe(150);
    expect(parseHours("abc")).toBeNull();
    expect(staffCostCents(150, 4000)).toBe(6000); // 1.5 h × ¥40
    expect(staffCostCents(133, 3333)).toBe(4433); // 1.33 h × ¥33.33 = ¥44.3289 → ¥44.33
  });
});

describe("ROI", () => {
  it("divides net revenue by cost and says nothing without a cost", () => {
    expect(roiOf(50000, 20000)).toBe(2.5);
    expect(roiOf(50000, 0)).toBeNull();
    const r = funnelRates({ reach: 1000, uniqueClicks: 100, orders: 10, revenueCents: 100000, refundCents: 10000 });
    expect(r).toEqual({ clickRate: 0.1, payRate: 0.1, netRevenueCents: 90000, revenuePerReachCents: 90, averageOrderCents: 9000 });
    expect(funnelRates({ reach: 0, uniqueClicks: 0, orders: 0, revenueCents: 0, refundCents: 0 }).clickRate).toBeNull();
  });
});
