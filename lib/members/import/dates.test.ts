import { tz } from "@date-fns/tz";
import { isValid, parse } from "date-fns";
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

  describe("numeric forms (read without date-fns)", () => {
    it("reads -, / and . with one- or two-digit parts, with or without seconds", () => {
      expect(parseJoinedAt("2026-10-01 10:00")).toEqual(at("2026-10-01T10:00:00+08:00"));
      expect(parseJoinedAt("2026.10.1")).toEqual(at("2026-10-01T00:00:00+08:00"));
      expect(parseJoinedAt("2026.1.2 3:04:05")).toEqual(at("2026-01-02T03:04:05+08:00"));
      expect(parseJoinedAt("2026/1/2 3:4")).toEqual(at("2026-01-02T03:04:00+08:00"));
      expect(parseJoinedAt("  2026-01-02\t 03:04  ")).toEqual(at("2026-01-02T03:04:00+08:00"));
      expect(parseJoinedAt("2024-02-29")).toEqual(at("2024-02-29T00:00:00+08:00"));
      expect(parseJoinedAt("2000-02-29 23:59:59")).toEqual(at("2000-02-29T23:59:59+08:00"));
    });

    it("refuses impossible days, months and times", () => {
      const bad = ["2026-02-30", "2026-2-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-3-5 24:00", "2026-03-05 24:30"];
      for (const text of [...bad, "2026-03-05 23:60", "2026-03-05 23:59:60", "2026-03-05 99:00", "2026-03-05 14:022", "2026-10/01"]) {
        expect(parseJoinedAt(text), text).toBeNull();
      }
    });

    it("still reads 24:00 with a two-digit month and day as the next midnight (ISO 8601, as before)", () => {
      expect(parseJoinedAt("2026-03-05 24:00")).toEqual(at("2026-03-06T00:00:00+08:00"));
    });

    it("converts wall-clock time in Asia/Shanghai, which has no DST", () => {
      expect(parseJoinedAt("2026-01-15 09:30", "Asia/Shanghai")).toEqual(at("2026-01-15T01:30:00Z"));
      expect(parseJoinedAt("2026-07-15 09:30", "Asia/Shanghai")).toEqual(at("2026-07-15T01:30:00Z"));
    });

    it("converts wall-clock time in America/New_York on both sides of and across DST changes", () => {
      expect(parseJoinedAt("2024-01-15 09:30", "America/New_York")).toEqual(at("2024-01-15T14:30:00Z"));
      expect(parseJoinedAt("2024-07-15 09:30", "America/New_York")).toEqual(at("2024-07-15T13:30:00Z"));
      // 02:30 on 10 March does not exist (clocks jump 02:00 → 03:00): read with the old offset.
      expect(parseJoinedAt("2024-03-10 02:30", "America/New_York")).toEqual(at("2024-03-10T07:30:00Z"));
      expect(parseJoinedAt("2024-03-10 03:30", "America/New_York")).toEqual(at("2024-03-10T07:30:00Z"));
      // 01:30 on 3 November happens twice: the first (daylight) one is taken.
      expect(parseJoinedAt("2024-11-03 01:30", "America/New_York")).toEqual(at("2024-11-03T05:30:00Z"));
      expect(parseJoinedAt("2024-11-03 02:30", "America/New_York")).toEqual(at("2024-11-03T07:30:00Z"));
    });

    it("gives what date-fns gives for the same format, in zones with and without DST", () => {
      const formats: Record<string, string> = { "-": "yyyy-M-d H:mm", "/": "yyyy/M/d H:mm:ss", ".": "yyyy.M.d" };
      for (const timeZone of ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe"]) {
        for (const day of ["2024-03-10", "2024-03-31", "2024-04-07", "2024-10-06", "2024-10-27", "2024-11-03", "1988-04-10", "1991-09-15"]) {
          for (let minute = 0; minute < 24 * 60; minute += 30) {
            for (const sep of ["-", "/", "."]) {
              const [y, mo, d] = day.split("-");
              const time = sep === "." ? "" : ` ${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")}${sep === "/" ? ":07" : ""}`;
              const text = `${y}${sep}${Number(mo)}${sep}${d}${time}`;
              const expected = parse(text, formats[sep]!, new Date(0), { in: tz(timeZone) });
              expect(isValid(expected), text).toBe(true);
              expect(parseJoinedAt(text, timeZone)?.getTime(), `${text} ${timeZone}`).toBe(expected.getTime());
            }
          }
        }
      }
      // About 4,600 parses through date-fns: seconds of CPU on a busy 2-core machine.
    }, 60_000);
  });
});
