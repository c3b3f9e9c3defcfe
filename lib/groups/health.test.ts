import { describe, expect, it } from "vitest";
import { DEFAULT_ACTIVITY_RULE } from "@/lib/members/activity";
import { groupHealth, type GroupCounts } from "./health";

const now = new Date("2026-11-23T12:00:00Z");
const base: GroupCounts = { membersNow: 100, joined7: 3, left7: 1, joined30: 10, left30: 4, activeMembers7: 30, lastActivityAt: new Date("2026-11-22T12:00:00Z"), stage: "active", plannedEnd: null };

describe("groupHealth", () => {
  it("finds a lively group healthy", () => {
    expect(groupHealth(base, DEFAULT_ACTIVITY_RULE, now)).toEqual({ activeRatio: 0.3, daysSinceActivity: 1, dead: false, overdue: false });
  });

  it("calls a group dead when few members are active or it has gone quiet", () => {
    expect(groupHealth({ ...base, activeMembers7: 4 }, DEFAULT_ACTIVITY_RULE, now).dead).toBe(true);
    expect(groupHealth({ ...base, lastActivityAt: new Date("2026-11-10T12:00:00Z") }, DEFAULT_ACTIVITY_RULE, now)).toMatchObject({ dead: true, daysSinceActivity: 13 });
    expect(groupHealth({ ...base, activeMembers7: 4, stage: "planned" }, DEFAULT_ACTIVITY_RULE, now).dead).toBe(false);
  });

  it("flags a group past its planned end until it is ended", () => {
    expect(groupHealth({ ...base, plannedEnd: "2026-11-20" }, DEFAULT_ACTIVITY_RULE, now).overdue).toBe(true);
    expect(groupHealth({ ...base, plannedEnd: "2026-11-20", stage: "ended" }, DEFAULT_ACTIVITY_RULE, now).overdue).toBe(false);
  });
});
