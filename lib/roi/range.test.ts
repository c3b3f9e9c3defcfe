import { describe, expect, it } from "vitest";
import { pilotFrom, rangeFrom } from "./range";

const now = new Date("2026-03-31T20:00:00Z"); // 2026-04-01 04:00 in Shanghai

describe("ROI date range", () => {
  it("defaults to the last 30 days in the workspace's zone", () => {
    expect(rangeFrom({}, now, "Asia/Shanghai")).toEqual({ from: "2026-03-03", to: "2026-04-01" });
    expect(rangeFrom({ from: "junk", to: "2026-03-10" }, now, "Asia/Shanghai")).toEqual({ from: "2026-02-09", to: "2026-03-10" });
  });

  it("swaps a reversed range and cuts one longer than a year", () => {
    expect(rangeFrom({ from: "2026-03-10", to: "2026-03-01" }, now, "Asia/Shanghai")).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(rangeFrom({ from: "2020-01-01", to: "2026-03-01" }, now, "Asia/Shanghai")).toEqual({ from: "2025-03-01", to: "2026-03-01" });
  });

  it("keeps only group ids in the pilot set", () => {
    const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    expect(pilotFrom([id, id, "x'; drop", ""])).toEqual([id]);
  });
});
