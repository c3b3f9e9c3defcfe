import { addLocalDays, daysFrom, weekdayOf } from "@/lib/calendar/time";

/**
 * Which variant each group gets. Pure: the randomness comes in as a function so tests (and a
 * seed) make it repeatable.
 */

export { seededRandom } from "@/lib/random";

/**
 * A balanced random assignment: the groups are shuffled (Fisher–Yates) and dealt A, B, A, B…,
 * and a coin decides which variant opens the deal, so with an odd number of groups either side
 * may get the extra one. The two sides never differ by more than one group.
 */
export function balancedAssignment<V extends string>(groupIds: readonly string[], variants: readonly [V, V], random: () => number = Math.random): Map<string, V> {
  const order = [...groupIds];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const first = random() < 0.5 ? 0 : 1;
  return new Map(order.map((g, i) => [g, variants[(i + first) % 2]!]));
}

/** The Monday ("yyyy-MM-dd") of the local week a local day falls in. */
export function weekStartOf(day: string): string {
  return addLocalDays(day, 1 - weekdayOf(day));
}

/**
 * alternate_weeks: a group shows its first variant in the start week, the other one the week
 * after, and so on. Weeks before the start week have no variant of the test.
 */
export function alternateWeekVariant<V extends string>(q: { firstVariant: V; otherVariant: V; startWeek: string; week: string }): V | null {
  const weeks = Math.floor(daysFrom(q.startWeek, weekStartOf(q.week)) / 7);
  if (weeks < 0) return null;
  return weeks % 2 === 0 ? q.firstVariant : q.otherVariant;
}

/** The Mondays from `startWeek` through the week of `lastDay`, at least `minWeeks` of them. */
export function weeksThrough(startWeek: string, lastDay: string, minWeeks: number): string[] {
  const last = weekStartOf(lastDay);
  const out: string[] = [];
  for (let w = startWeek; out.length < minWeeks || w <= last; w = addLocalDays(w, 7)) out.push(w);
  return out;
}
