import { describe, expect, it } from "vitest";
import { columnsForGroup, daysBetween, expandColumns, slotKey, weekRhythm, type ColumnRule } from "./columns";

const col = (id: string, weekday: number | null, timeOfDay: string, scope: Partial<ColumnRule> = { communityType: "traffic" }): ColumnRule => ({
  id,
  weekday,
  timeOfDay,
  communityType: null,
  groupId: null,
  ...scope,
});
const shanghai = "Asia/Shanghai";

describe("columnsForGroup", () => {
  it("gives a group its own columns and its type's, never another group's or type's", () => {
    const columns = [col("type", 1, "20:00"), col("other-type", 1, "20:00", { communityType: "fans" }), col("own", 2, "09:00", { groupId: "g1" }), col("other", 2, "09:00", { groupId: "g2" })];
    expect(columnsForGroup(columns, { id: "g1", communityType: "traffic" }).map((c) => c.id)).toEqual(["type", "own"]);
    expect(columnsForGroup(columns, { id: "g3", communityType: null }).map((c) => c.id)).toEqual([]);
  });
});

describe("expandColumns", () => {
  it("puts a weekly column on its weekday only, and a daily one on every day", () => {
    // 2026-03-02 is a Monday.
    const { slots } = expandColumns({ columns: [col("mon", 1, "20:00"), col("daily", null, "11:00")], groups: [{ id: "g", communityType: "traffic" }], from: "2026-03-02", to: "2026-03-08", timeZone: shanghai });
    expect(slots.filter((s) => s.columnId === "mon").map((s) => s.day)).toEqual(["2026-03-02"]);
    expect(slots.filter((s) => s.columnId === "daily")).toHaveLength(7);
    expect(slots[0]!.at.toISOString()).toBe("2026-03-02T03:00:00.000Z");
  });

  it("crosses month ends and a leap day", () => {
    const { slots } = expandColumns({ columns: [col("sun", 7, "09:30")], groups: [{ id: "g", communityType: "traffic" }], from: "2028-02-20", to: "2028-03-12", timeZone: shanghai });
    expect(slots.map((s) => s.day)).toEqual(["2028-02-20", "2028-02-27", "2028-03-05", "2028-03-12"]);
    expect(daysBetween("2028-02-28", "2028-03-01")).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(daysBetween("2026-12-31", "2027-01-01")).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("keeps the local time in the workspace's zone across a DST change and reports a skipped hour", () => {
    // New York moves from 02:00 to 03:00 on 2026-03-08 (a Sunday).
    const { slots, nonexistent } = expandColumns({
      columns: [col("early", null, "02:30"), col("evening", null, "20:00")],
      groups: [{ id: "g", communityType: "traffic" }],
      from: "2026-03-07",
      to: "2026-03-09",
      timeZone: "America/New_York",
    });
    expect(nonexistent).toEqual([{ columnId: "early", groupId: "g", day: "2026-03-08", time: "02:30" }]);
    const evenings = slots.filter((s) => s.columnId === "evening").map((s) => s.at.toISOString());
    expect(evenings).toEqual(["2026-03-08T01:00:00.000Z", "2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00.000Z"]);
  });

  it("gives the same local time a different instant in another zone", () => {
    const args = { columns: [col("c", null, "20:00")], groups: [{ id: "g", communityType: "traffic" }], from: "2026-06-01", to: "2026-06-01" };
    expect(expandColumns({ ...args, timeZone: shanghai }).slots[0]!.at.toISOString()).toBe("2026-06-01T12:00:00.000Z");
    expect(expandColumns({ ...args, timeZone: "Europe/Berlin" }).slots[0]!.at.toISOString()).toBe("2026-06-01T18:00:00.000Z");
  });

  it("expands each group on its own and orders the slots by time", () => {
    const { slots } = expandColumns({
      columns: [col("t", 3, "20:00"), col("own", 3, "08:00", { groupId: "b" })],
      groups: [{ id: "a", communityType: "traffic" }, { id: "b", communityType: "traffic" }],
      from: "2026-03-04",
      to: "2026-03-04",
      timeZone: shanghai,
    });
    expect(slots.map((s) => `${s.groupId}:${s.columnId}:${s.time}`)).toEqual(["b:own:08:00", "a:t:20:00", "b:t:20:00"]);
    expect(new Set(slots.map(slotKey)).size).toBe(3);
  });

  it("makes nothing for an empty or backwards range", () => {
    expect(expandColumns({ columns: [col("c", null, "20:00")], groups: [{ id: "g", communityType: "traffic" }], from: "2026-03-05", to: "2026-03-04", timeZone: shanghai }).slots).toEqual([]);
  });
});

describe("weekRhythm", () => {
  it("lists each weekday's columns by time, every-day columns on all seven", () => {
    const grid = weekRhythm([
      { name: "新品预告", weekday: 1, timeOfDay: "20:00" },
      { name: "早安", weekday: null, timeOfDay: "08:00" },
    ]);
    expect(grid).toHaveLength(7);
    expect(grid[0]!.columns.map((c) => c.name)).toEqual(["早安", "新品预告"]);
    expect(grid[6]!.columns.map((c) => c.name)).toEqual(["早安"]);
  });
});
