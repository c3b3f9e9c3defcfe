import { describe, expect, it } from "vitest";
import { bucketize, change, formatPercent, funnel, parseRange, previousRange, rate, weekStart, ZERO } from "./math";

describe("funnel math", () => {
  it("computes click rate from unique clicks, pay rate from orders, revenue net of refunds", () => {
    const f = funnel({ reach: 2000, clicks: 300, uniqueClicks: 200, orders: 20, revenueCents: 200_000, refundCents: 20_000 });
    expect(f.clickRate).toBe(0.1);
    expect(f.payRate).toBe(0.1);
    expect(f.netRevenueCents).toBe(180_000);
    expect(f.averageOrderCents).toBe(9_000);
    expect(f.revenuePerReachCents).toBe(90);
  });

  it("has no rate where nothing was reached or clicked, rather than 0% or infinity", () => {
    expect(rate(5, 0)).toBeNull();
    const f = funnel({ ...ZERO, orders: 0 });
    expect([f.clickRate, f.payRate, f.averageOrderCents, f.revenuePerReachCents]).toEqual([null, null, null, null]);
    expect(formatPercent(null)).toBe("—");
  });

  it("formats percentages with one decimal below 10 %", () => {
    expect(formatPercent(0.125)).toBe("13%");
    expect(formatPercent(0.0456)).toBe("4.6%");
    expect(formatPercent(0.05)).toBe("5%");
    expect(formatPercent(-0.25, { signed: true })).toBe("−25%");
    expect(formatPercent(0.25, { signed: true })).toBe("+25%");
  });
});

describe("change against the previous period", () => {
  it("is a signed fraction of the previous value", () => {
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(75, 100)).toBeCloseTo(-0.25);
  });
  it("is 'new' (null) from nothing, and no change from nothing to nothing", () => {
    expect(change(10, 0)).toBeNull();
    expect(change(0, 0)).toBe(0);
    expect(change(0, 40)).toBe(-1);
  });
});

describe("week bucketing", () => {
  it("keys a week by its Monday", () => {
    expect(weekStart("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(weekStart("2026-12-06")).toBe("2026-11-30"); // the Sunday after
    expect(weekStart("2027-01-01")).toBe("2026-12-28"); // across a year
  });

  it("sums days into weeks and keeps empty buckets", () => {
    const rows = [
      { day: "2026-12-01", ...ZERO, reach: 100 },
      { day: "2026-12-06", ...ZERO, reach: 50, orders: 2 },
      { day: "2026-12-14", ...ZERO, reach: 10 },
    ];
    const weeks = bucketize(rows, { from: "2026-12-01", to: "2026-12-20" }, "week");
    expect(weeks.map((w) => [w.bucket, w.reach, w.orders])).toEqual([
      ["2026-11-30", 150, 2],
      ["2026-12-07", 0, 0],
      ["2026-12-14", 10, 0],
    ]);
    const days = bucketize(rows, { from: "2026-12-01", to: "2026-12-03" }, "day");
    expect(days.map((d) => d.bucket)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
  });
});

describe("date ranges", () => {
  it("defaults to the last 30 days including today, swaps a reversed range and refuses nonsense", () => {
    expect(parseRange({}, "2026-12-31")).toEqual({ from: "2026-12-02", to: "2026-12-31" });
    expect(parseRange({ from: "2026-12-10", to: "2026-12-01" }, "2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-10" });
    expect(parseRange({ from: "2026-02-30", to: "2026-03-01" }, "2026-12-31")).toEqual({ from: "2026-12-02", to: "2026-12-31" });
    expect(parseRange({ from: "2020-01-01", to: "2026-03-01" }, "2026-12-31")).toEqual({ from: "2026-12-02", to: "2026-12-31" });
  });
  it("gives the same number of days just before", () => {
    expect(previousRange({ from: "2026-12-25", to: "2026-12-31" })).toEqual({ from: "2026-12-18", to: "2026-12-24" });
  });
});
