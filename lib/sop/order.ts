import type { SopTiming } from "./schema";

type Timed = { timing: SopTiming; weekday: number | null; dayOffset: number | null; time: string };

/**
 * Where a step falls in its cycle, as a sortable tuple: daily → time; weekly → weekday, time;
 * relative → day offset, time. Steps are compared only within one timing.
 */
export function chronoKey(s: Timed): [number, number] {
  const minutes = Number(s.time.slice(0, 2)) * 60 + Number(s.time.slice(3, 5));
  if (s.timing === "weekly") return [s.weekday ?? 0, minutes];
  if (s.timing === "relative") return [s.dayOffset ?? 0, minutes];
  return [0, minutes];
}

function before(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

export type OrderProblem = { index: number; message: "sopErrors.mixedTiming" | "sopErrors.outOfOrder" };

/**
 * The rule of the steps table: one timing per template (the first step's), and each step no
 * earlier than the one above it (equal times are allowed: two posts at 20:00). A problem is
 * pinned to the step that breaks the order, so the form can show it beside that row.
 */
export function stepOrderProblems(steps: Timed[]): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const first = steps[0];
  if (!first) return problems;
  let previous: Timed = first;
  steps.forEach((s, index) => {
    if (index === 0) return;
    if (s.timing !== first.timing) {
      problems.push({ index, message: "sopErrors.mixedTiming" });
      return;
    }
    if (before(chronoKey(s), chronoKey(previous))) problems.push({ index, message: "sopErrors.outOfOrder" });
    previous = s;
  });
  return problems;
}

/** Steps sorted into time order (stable), e.g. for an import that lists them loosely. */
export function sortSteps<T extends Timed>(steps: T[]): T[] {
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => {
      const ka = chronoKey(a.s);
      const kb = chronoKey(b.s);
      return ka[0] - kb[0] || ka[1] - kb[1] || a.i - b.i;
    })
    .map((x) => x.s);
}
