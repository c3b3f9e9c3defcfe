import { describe, expect, it } from "vitest";
import { instantDay, instantTime } from "@/lib/calendar/time";
import { expandRun, periodKey, type ExpandStep } from "./expand";

const daily = (id: string, time: string): ExpandStep => ({ id, timing: "daily", weekday: null, dayOffset: null, time });
const weekly = (id: string, weekday: number, time: string): ExpandStep => ({ id, timing: "weekly", weekday, dayOffset: null, time });
const relative = (id: string, dayOffset: number, time: string): ExpandStep => ({ id, timing: "relative", weekday: null, dayOffset, time });
const local = (at: Date, tz: string) => `${instantDay(at, tz)} ${instantTime(at, tz)}`;

describe("expandRun", () => {
  it("repeats daily steps on every day from start to end, in time order", () => {
    const { occurrences } = expandRun([daily("a", "11:00"), daily("b", "12:00"), daily("c", "18:00")], { startDate: "2026-12-01", endDate: "2026-12-07", timeZone: "Asia/Shanghai" });
    expect(occurrences).toHaveLength(21);
    expect(occurrences[0]!.at.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(occurrences.at(-1)!.at.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(occurrences.map((o) => o.stepId).slice(0, 4)).toEqual(["a", "b", "c", "a"]);
  });

  it("crosses month and year ends by local calendar days", () => {
    const { occurrences } = expandRun([daily("a", "23:30")], { startDate: "2026-12-30", endDate: "2027-01-02", timeZone: "Asia/Shanghai" });
    expect(occurrences.map((o) => o.day)).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(occurrences.map((o) => local(o.at, "Asia/Shanghai"))).toContain("2026-12-31 23:30");
    const feb = expandRun([daily("a", "09:00")], { startDate: "2028-02-27", endDate: "2028-03-01", timeZone: "Asia/Shanghai" });
    expect(feb.occurrences.map((o) => o.day)).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("places weekly steps on their weekday only", () => {
    // 2026-11-30 is a Monday.
    const { occurrences } = expandRun([weekly("mon", 1, "20:00"), weekly("tue", 2, "12:00"), weekly("sun", 7, "20:00")], { startDate: "2026-11-30", endDate: "2026-12-13", timeZone: "Asia/Shanghai" });
    expect(occurrences.map((o) => `${o.stepId} ${o.day}`)).toEqual(["mon 2026-11-30", "tue 2026-12-01", "sun 2026-12-06", "mon 2026-12-07", "tue 2026-12-08", "sun 2026-12-13"]);
  });

  it("puts relative steps around the anchor, negative days before it, ignoring the end date", () => {
    const { occurrences } = expandRun([relative("pre", -1, "20:00"), relative("d0", 0, "10:00"), relative("d2", 2, "21:30")], { startDate: "2027-01-01", endDate: null, timeZone: "Asia/Shanghai" });
    expect(occurrences.map((o) => `${o.stepId} ${local(o.at, "Asia/Shanghai")}`)).toEqual(["pre 2026-12-31 20:00", "d0 2027-01-01 10:00", "d2 2027-01-03 21:30"]);
  });

  it("keeps the wall-clock time across a DST change (New York, March and November)", () => {
    const tz = "America/New_York";
    const spring = expandRun([daily("a", "20:00")], { startDate: "2027-03-13", endDate: "2027-03-15", timeZone: tz });
    expect(spring.occurrences.map((o) => local(o.at, tz))).toEqual(["2027-03-13 20:00", "2027-03-14 20:00", "2027-03-15 20:00"]);
    // 20:00 EST = 01:00Z next day; 20:00 EDT = 00:00Z next day.
    expect(spring.occurrences.map((o) => o.at.toISOString().slice(11, 16))).toEqual(["01:00", "00:00", "00:00"]);
    const autumn = expandRun([daily("a", "09:00")], { startDate: "2027-11-06", endDate: "2027-11-08", timeZone: tz });
    expect(autumn.occurrences.map((o) => local(o.at, tz))).toEqual(["2027-11-06 09:00", "2027-11-07 09:00", "2027-11-08 09:00"]);
  });

  it("reports a time skipped by DST instead of moving it (Berlin, 02:30 on the last Sunday of March)", () => {
    const { occurrences, skipped } = expandRun([daily("a", "02:30")], { startDate: "2027-03-27", endDate: "2027-03-29", timeZone: "Europe/Berlin" });
    expect(occurrences.map((o) => o.day)).toEqual(["2027-03-27", "2027-03-29"]);
    expect(skipped).toEqual([{ stepId: "a", day: "2027-03-28", time: "02:30" }]);
  });

  it("gives the same local times in another zone (Los Angeles vs Shanghai differ in instants, not in wall clock)", () => {
    const steps = [daily("a", "11:00")];
    const sh = expandRun(steps, { startDate: "2026-12-01", endDate: "2026-12-01", timeZone: "Asia/Shanghai" });
    const la = expandRun(steps, { startDate: "2026-12-01", endDate: "2026-12-01", timeZone: "America/Los_Angeles" });
    expect(local(la.occurrences[0]!.at, "America/Los_Angeles")).toBe("2026-12-01 11:00");
    expect(la.occurrences[0]!.at.getTime() - sh.occurrences[0]!.at.getTime()).toBe(16 * 3600 * 1000);
  });
});

describe("periodKey", () => {
  it("is the day, the Monday of the week, or the run", () => {
    expect(periodKey("daily", "2026-12-03")).toBe("2026-12-03");
    expect(periodKey("weekly", "2026-12-03")).toBe("2026-11-30");
    expect(periodKey("weekly", "2027-01-03")).toBe("2026-12-28");
    expect(periodKey("relative", "2026-12-03")).toBe("run");
  });
});
