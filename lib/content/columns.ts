import { addLocalDays, daysFrom, LocalTimeError, localToInstant, weekdayOf } from "@/lib/calendar/time";

/**
 * Columns (栏目) as slots: pure, so the weekly rhythm and "fill the calendar" can be tested
 * without a database. A column belongs to a community type or to one group; a group gets its
 * own columns and its type's.
 */

export const MAX_FILL_DAYS = 92;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type ColumnRule = { id: string; weekday: number | null; timeOfDay: string; communityType: string | null; groupId: string | null };
export type GroupRef = { id: string; communityType: string | null };
export type Slot = { columnId: string; groupId: string; day: string; time: string; at: Date };

export function columnsForGroup<C extends ColumnRule>(columns: C[], group: GroupRef): C[] {
  return columns.filter((c) => (c.groupId ? c.groupId === group.id : !!c.communityType && c.communityType === group.communityType));
}

/** Local days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const n = daysFrom(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addLocalDays(from, i));
}

/**
 * Every slot of the columns in the groups over the local days `from`…`to` in `timeZone`,
 * ordered by time. A local time that does not exist that day (skipped by a DST change) is
 * returned in `nonexistent`, never moved to another hour.
 */
export function expandColumns(input: { columns: ColumnRule[]; groups: GroupRef[]; from: string; to: string; timeZone: string }): {
  slots: Slot[];
  nonexistent: Omit<Slot, "at">[];
} {
  const slots: Slot[] = [];
  const nonexistent: Omit<Slot, "at">[] = [];
  const days = daysBetween(input.from, input.to);
  for (const group of input.groups) {
    const own = columnsForGroup(input.columns, group);
    for (const day of days) {
      const weekday = weekdayOf(day);
      for (const c of own) {
        if (c.weekday !== null && c.weekday !== weekday) continue;
        const base = { columnId: c.id, groupId: group.id, day, time: c.timeOfDay };
        try {
          slots.push({ ...base, at: localToInstant(day, c.timeOfDay, input.timeZone) });
        } catch (error) {
          if (!(error instanceof LocalTimeError)) throw error;
          nonexistent.push(base);
        }
      }
    }
  }
  slots.sort((a, b) => a.at.getTime() - b.at.getTime() || a.groupId.localeCompare(b.groupId) || a.columnId.localeCompare(b.columnId));
  return { slots, nonexistent };
}

/** What makes a slot "already filled": the same column, in the same group, at the same instant. */
export function slotKey(s: { groupId: string; columnId: string; at: Date }): string {
  return `${s.groupId}|${s.columnId}|${s.at.toISOString()}`;
}

/** The week grid of a scope: for each weekday (Mon–Sun), its columns by time. */
export function weekRhythm<C extends { weekday: number | null; timeOfDay: string; name: string }>(columns: C[]): { weekday: number; columns: C[] }[] {
  return WEEKDAYS.map((weekday) => ({
    weekday,
    columns: columns.filter((c) => c.weekday === null || c.weekday === weekday).sort((a, b) => a.timeOfDay.localeCompare(b.timeOfDay) || a.name.localeCompare(b.name)),
  }));
}
