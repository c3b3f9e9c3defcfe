import { describe, expect, it } from "vitest";
import { parseCalendarView, shiftDate, viewDays, viewQuery } from "./view-range";

describe("calendar view range", () => {
  it("shows Monday to Sunday for a week", () => {
    const w = viewDays("week", "2026-03-05");
    expect([w.from, w.to, w.days.length]).toEqual(["2026-03-02", "2026-03-08", 7]);
  });

  it("shows whole weeks around a month", () => {
    const m = viewDays("month", "2026-02-14");
    expect([m.from, m.to, m.days.length]).toEqual(["2026-01-26", "2026-03-01", 35]);
  });

  it("reads the URL and falls back to this week in the workspace's zone", () => {
    const now = new Date("2026-03-04T17:00:00Z"); // 01:00 on 5 March in Shanghai
    expect(parseCalendarView({}, "Asia/Shanghai", now)).toMatchObject({ view: "week", date: "2026-03-05", scope: { kind: "all" } });
    expect(parseCalendarView({ view: "month", date: "2026-02-30" }, "Asia/Shanghai", now)).toMatchObject({ view: "month", date: "2026-03-05" });
    const id = "0190a000-0000-7000-8000-000000000001";
    expect(parseCalendarView({ group: id, date: "2026-02-03" }, "UTC", now)).toMatchObject({ date: "2026-02-03", scope: { kind: "group", id } });
    expect(parseCalendarView({ plan: id, group: "x" }, "UTC", now).scope).toEqual({ kind: "plan", id });
  });

  it("steps by a day, a week or a month", () => {
    expect(shiftDate("month", "2026-01-31", 1)).toBe("2026-02-01");
    expect(shiftDate("week", "2026-03-05", -1)).toBe("2026-02-26");
    expect(shiftDate("day", "2026-03-01", -1)).toBe("2026-02-28");
    expect(viewQuery({ view: "week", date: "2026-03-05", scope: { kind: "all" } }, { view: "day" })).toBe("?view=day&date=2026-03-05");
  });
});
