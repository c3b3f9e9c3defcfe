import { addLocalDays, daysFrom, LocalTimeError, localToInstant, weekdayOf } from "@/lib/calendar/time";
import type { SopTiming } from "./schema";

export type ExpandStep = { id: string; timing: SopTiming; weekday: number | null; dayOffset: number | null; time: string };
export type Occurrence = { stepId: string; stepIndex: number; day: string; time: string; at: Date };
/** A local time that does not exist that day (skipped by a DST change): reported, never moved. */
export type SkippedOccurrence = { stepId: string; day: string; time: string };
export type Expansion = { occurrences: Occurrence[]; skipped: SkippedOccurrence[] };
export type RunWindow = { startDate: string; endDate: string | null; timeZone: string };

/**
 * The posts one group gets from a run, in time order. Daily and weekly steps repeat on every
 * local day from startDate to endDate (both included); relative steps fall once, on the anchor
 * (startDate) plus their day offset, before it for negative offsets. Every instant comes from
 * localToInstant in the run's zone, so 20:00 stays 20:00 on both sides of a DST change.
 */
export function expandRun(steps: ExpandStep[], window: RunWindow): Expansion {
  const occurrences: Occurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  const add = (step: ExpandStep, stepIndex: number, day: string) => {
    try {
      occurrences.push({ stepId: step.id, stepIndex, day, time: step.time, at: localToInstant(day, step.time, window.timeZone) });
    } catch (error) {
      if (!(error instanceof LocalTimeError)) throw error;
      skipped.push({ stepId: step.id, day, time: step.time });
    }
  };
  const repeating = steps.filter((s) => s.timing !== "relative");
  if (repeating.length && window.endDate) {
    const days = daysFrom(window.startDate, window.endDate);
    for (let n = 0; n <= days; n++) {
      const day = addLocalDays(window.startDate, n);
      const weekday = weekdayOf(day);
      steps.forEach((s, i) => {
        if (s.timing === "daily" || (s.timing === "weekly" && s.weekday === weekday)) add(s, i, day);
      });
    }
  }
  steps.forEach((s, i) => {
    if (s.timing === "relative") add(s, i, addLocalDays(window.startDate, s.dayOffset ?? 0));
  });
  occurrences.sort((a, b) => a.at.getTime() - b.at.getTime() || a.stepIndex - b.stepIndex);
  return { occurrences, skipped };
}

/**
 * The period an occurrence belongs to, used to pair a step's old and new posts when a template
 * changes: the day for daily steps, the week (its Monday) for weekly ones, the run for relative.
 */
export function periodKey(timing: SopTiming, day: string): string {
  if (timing === "daily") return day;
  if (timing === "weekly") return addLocalDays(day, 1 - weekdayOf(day));
  return "run";
}
