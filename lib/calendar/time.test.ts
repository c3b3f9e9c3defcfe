import { describe, expect, it } from "vitest";
import { addLocalDays, daysFrom, instantDay, instantTime, LocalTimeError, localToInstant, weekdayOf } from "./time";

describe("local time", () => {
  it("reads Shanghai wall-clock time as UTC+8 with no DST", () => {
    expect(localToInstant("2026-11-30", "11:00", "Asia/Shanghai").toISOString()).toBe("2026-11-30T03:00:00.000Z");
    expect(localToInstant("2026-07-01", "00:30", "Asia/Shanghai").toISOString()).toBe("2026-06-30T16:30:00.000Z");
  });

  it("keeps 11:00 at 11:00 across a DST change", () => {
    expect(localToInstant("2026-03-28", "11:00", "Europe/London").toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(localToInstant("2026-03-30", "11:00", "Europe/London").toISOString()).toBe("2026-03-30T10:00:00.000Z");
  });

  it("refuses a time skipped by DST and a day that does not exist", () => {
    expect(() => localToInstant("2026-03-29", "01:30", "Europe/London")).toThrow(LocalTimeError);
    expect(() => localToInstant("2026-02-30", "10:00", "Asia/Shanghai")).toThrow(LocalTimeError);
    expect(() => localToInstant("2026-02-03", "24:00", "Asia/Shanghai")).toThrow(LocalTimeError);
  });

  it("round-trips an instant to its local day and time", () => {
    const at = new Date("2026-11-30T16:30:00Z");
    expect([instantDay(at, "Asia/Shanghai"), instantTime(at, "Asia/Shanghai")]).toEqual(["2026-12-01", "00:30"]);
  });

  it("counts days across month and year ends", () => {
    expect(addLocalDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addLocalDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addLocalDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysFrom("2026-11-30", "2027-01-01")).toBe(32);
    expect(weekdayOf("2026-11-30")).toBe(1);
    expect(weekdayOf("2026-12-06")).toBe(7);
  });
});
