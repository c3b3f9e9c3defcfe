import type { CheckWarning } from "@/lib/calendar/check-types";

/** The first few findings per kind (without post ids) and the totals: what a long list sends to the browser. */
export function trimWarnings(warnings: CheckWarning[], perKind: number) {
  const counts: Partial<Record<CheckWarning["kind"], number>> = {};
  const kept: CheckWarning[] = [];
  for (const w of warnings) {
    counts[w.kind] = (counts[w.kind] ?? 0) + 1;
    if ((counts[w.kind] ?? 0) <= perKind) kept.push({ ...w, postIds: undefined });
  }
  return { warnings: kept, counts };
}
