import type { ActivityRuleValues } from "@/lib/members/activity";

/** The counts a group's health is judged from (computed in SQL by lib/groups/health-queries). */
export type GroupCounts = {
  membersNow: number;
  joined7: number;
  left7: number;
  joined30: number;
  left30: number;
  activeMembers7: number;
  lastActivityAt: Date | null;
  stage: string;
  plannedEnd: string | null;
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * A live group whose share of active members fell below the workspace's line, or that has been
 * silent too long, is a dead group (死群); a group past its planned end should be ended.
 */
export function groupHealth(c: GroupCounts, rule: Pick<ActivityRuleValues, "deadActiveRatio" | "deadSilentDays">, now: Date) {
  const activeRatio = c.membersNow === 0 ? 0 : c.activeMembers7 / c.membersNow;
  const daysSinceActivity = c.lastActivityAt ? Math.floor((now.getTime() - c.lastActivityAt.getTime()) / DAY_MS) : null;
  const live = c.stage === "active" || c.stage === "declining";
  const dead = live && c.membersNow > 0 && (activeRatio * 100 < rule.deadActiveRatio || daysSinceActivity === null || daysSinceActivity >= rule.deadSilentDays);
  const today = now.toISOString().slice(0, 10);
  const overdue = !!c.plannedEnd && c.plannedEnd < today && c.stage !== "ended" && c.stage !== "archived";
  return { activeRatio, daysSinceActivity, dead, overdue };
}
