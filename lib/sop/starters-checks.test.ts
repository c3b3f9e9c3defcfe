import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/calendar/checks";
import { DEFAULT_CALENDAR_SETTINGS, purposeOf } from "@/lib/calendar/check-rules";
import { expandRun } from "./expand";
import { STARTERS } from "./starters";

/** Two whole weeks starting on a Monday, in the workspace's default zone. */
const WINDOW = { startDate: "2026-12-07", endDate: "2026-12-20", timeZone: "Asia/Shanghai" };

describe("built-in starters", () => {
  it.each(STARTERS.map((s) => [s.name, s] as const))("%s passes the calendar checks in a group of its own type", (_name, starter) => {
    const steps = starter.steps.map((s, i) => ({ ...s, id: String(i) }));
    const { occurrences } = expandRun(steps, { ...WINDOW, endDate: steps[0]?.timing === "relative" ? null : WINDOW.endDate });
    expect(occurrences.length).toBeGreaterThan(0);
    const proposed = occurrences.map((o, i) => ({ id: String(i), groupId: "g", scheduledAt: o.at, category: starter.steps[o.stepIndex]!.category, channel: "manual" as const }));
    const warnings = runChecks(proposed, { timeZone: WINDOW.timeZone, settings: DEFAULT_CALENDAR_SETTINGS, purposes: { g: purposeOf(starter.communityType, {}) } });
    expect(warnings.map((w) => `${w.kind} ${w.period} ${w.value}/${w.limit}`)).toEqual([]);
  });
});
