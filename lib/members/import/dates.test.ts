import { describe, expect, it } from "vitest";
import { parseJoinedAt } from "./dates";

const at = (iso: string) => new Date(iso);

describe("parseJoinedAt", () => {
  it("reads the ways rosters write a join time, as Beijing wall-clock time", () => {
    expect(parseJoinedAt("2024-03-05 14:22")).toEqual(at("2024-03-05T14:22:00+08:00"));
    expect(parseJoinedAt("2024-03-05 14:22:08")).toEqual(at("2024-03-05T14:22:08+08:00"));
    expect(parseJoinedAt("2024/3/5 14:22")).toEqual(at("2024-03-05T14:22:00+08:00"));
    expect(parseJoinedAt("2024/03/05")).toEqual(at("2024-03-05T00:00:00+08:00"));
    expect(parseJoinedAt("2024年3月5日 14:22")).toEqual(at("2024-03-05T14:22:00+08:00"));
    expect(parseJoinedAt("2024年3月5日")).toEqual(at("2024-03-05T00:00:00+08:00"));
    expect(parseJoinedAt("20240305")).toEqual(at("2024-03-05T00:00:00+08:00"));
  });

  it("reads ISO strings, keeping a zone when one is given", () => {
    expect(parseJoinedAt("2024-03-05T14:22:00")).toEqual(at("2024-03-05T14:22:00+08:00"));
    expect(parseJoinedAt("2024-03-05T14:22:00Z")).toEqual(at("2024-03-05T14:22:00Z"));
    expect(parseJoinedAt("2024-03-05T14:22:00+09:00")).toEqual(at("2024-03-05T05:22:00Z"));
  });

  it("reads Excel serial numbers (1900 system) and Unix timestamps", () => {
    expect(parseJoinedAt("45356.6")).toEqual(at("2024-03-05T14:24:00+08:00"));
    expect(parseJoinedAt("45356")).toEqual(at("2024-03-05T00:00:00+08:00"));
    expect(parseJoinedAt("1709619720")).toEqual(at("2024-03-05T06:22:00Z"));
    expect(parseJoinedAt("1709619720000")).toEqual(at("2024-03-05T06:22:00Z"));
  });

  it("uses the workspace's time zone for wall-clock times", () => {
    expect(parseJoinedAt("2024-03-05 14:22", "Europe/London")).toEqual(at("2024-03-05T14:22:00Z"));
    expect(parseJoinedAt("45356.6", "America/New_York")).toEqual(at("2024-03-05T14:24:00-05:00"));
  });

  it("refuses what is not a date", () => {
    for (const text of ["2024-02-30", "2024/13/01", "2024-03-05 25:00", "昨天", "12", "3月5日", "2024-03-05 14:22 PM"]) {
      expect(parseJoinedAt(text), text).toBeNull();
    }
  });

  it("fails loudly on a misspelt time zone instead of rejecting every row", () => {
    expect(() => parseJoinedAt("2024-03-05", "Asia/Shanghia")).toThrow(RangeError);
  });
});
