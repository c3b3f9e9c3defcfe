import { describe, expect, it } from "vitest";
import { dayFromExpiresAt, daysBetween, defaultExpiryDay, expiresAtFromDay, statsWindow } from "./dates";

describe("QR expiry days", () => {
  it("end with the last valid day in the workspace's zone and read back as that day", () => {
    const at = expiresAtFromDay("2026-11-20", "Asia/Shanghai");
    expect(at.toISOString()).toBe("2026-11-20T16:00:00.000Z");
    expect(dayFromExpiresAt(at, "Asia/Shanghai")).toBe("2026-11-20");
  });

  it("default to seven days counting today", () => {
    expect(defaultExpiryDay(new Date("2026-11-20T17:00:00Z"), "Asia/Shanghai")).toBe("2026-11-27");
  });

  it("list every calendar day of a range once", () => {
    expect(daysBetween(new Date("2026-11-01T00:00:00Z"), new Date("2026-11-03T20:00:00Z"), "Asia/Shanghai")).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
  });
});

describe("the stats window", () => {
  it("starts at midnight in the zone and lists each day once, today last", () => {
    const w = statsWindow(3, "Asia/Shanghai", new Date("2026-11-20T10:00:00Z"));
    expect(w.since.toISOString()).toBe("2026-11-17T16:00:00.000Z");
    expect(w.days).toEqual(["2026-11-18", "2026-11-19", "2026-11-20"]);
  });
});
