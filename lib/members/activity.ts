/**
 * Activity score (DOMAIN.md §4): interaction raises it, time lowers it. Each event is worth its
 * kind's points, halved every `halfLifeDays`. Pure, so the job's SQL can be checked against it.
 */
export const SCORED_KINDS = ["message", "click", "order", "join"] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export type ActivityRuleValues = {
  points: Record<ScoredKind, number>;
  halfLifeDays: number;
  recallBelow: number;
  silentDays: number;
  deadActiveRatio: number;
  deadSilentDays: number;
};

export const DEFAULT_ACTIVITY_RULE: ActivityRuleValues = {
  points: { message: 1, click: 2, order: 5, join: 1 },
  halfLifeDays: 14,
  recallBelow: 2,
  silentDays: 14,
  deadActiveRatio: 5,
  deadSilentDays: 7,
};

const DAY_MS = 24 * 3600 * 1000;

export function decayedScore(events: { kind: string; at: Date }[], rule: Pick<ActivityRuleValues, "points" | "halfLifeDays">, now: Date): number {
  return events.reduce((sum, e) => {
    const points = rule.points[e.kind as ScoredKind] ?? 0;
    const ageDays = Math.max(0, (now.getTime() - e.at.getTime()) / DAY_MS);
    return sum + points * 0.5 ** (ageDays / rule.halfLifeDays);
  }, 0);
}

/** A member is due for recall content when the score fell below the line or they went quiet. */
export function dueForRecall(m: { score: number; lastActiveAt: Date | null }, rule: Pick<ActivityRuleValues, "recallBelow" | "silentDays">, now: Date): boolean {
  const silentFor = m.lastActiveAt ? (now.getTime() - m.lastActiveAt.getTime()) / DAY_MS : Infinity;
  return m.score < rule.recallBelow || silentFor >= rule.silentDays;
}
