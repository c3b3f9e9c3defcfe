import { and, eq, gte, inArray, lt, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { communityTypes, groups, posts } from "@/db/schema";
import type { CheckWarning, ProposedPost } from "./check-types";
import { MIX_RULES, purposeOf, type CheckSettings, type GroupPurpose } from "./check-rules";
import { localClock, minutesOf } from "./local-clock";
import { getCheckSettings } from "./settings";
import { addLocalDays, weekdayOf } from "./time";
import { workspaceTimeZone } from "@/lib/workspaces/queries";

export type CheckContext = {
  timeZone: string;
  settings: CheckSettings;
  /** group id → what it is for; groups missing here get the checks every group gets. */
  purposes: Record<string, GroupPurpose>;
};

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** Monday of a local day's week. */
export function weekStart(day: string): string {
  return addLocalDays(day, 1 - weekdayOf(day));
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when a local time (minutes after midnight) falls in the quiet hours (which may wrap midnight). */
export function inQuietHours(minutes: number, quietStart: string, quietEnd: string): boolean {
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

type Bucket = { ids: string[]; count: number };
function add(map: Map<string, Bucket>, key: string, id: string | undefined) {
  const b = map.get(key) ?? { ids: [], count: 0 };
  b.count++;
  if (id) b.ids.push(id);
  map.set(key, b);
}

/**
 * The calendar checks over a set of posts (saved and proposed, none cancelled). Pure: the caller
 * supplies whole weeks and months around the days it cares about, else the mix of a cut week or
 * the quota of a cut month is judged on part of its posts.
 */
export function runChecks(list: ProposedPost[], ctx: CheckContext): CheckWarning[] {
  const clock = localClock(ctx.timeZone);
  const perDay = new Map<string, Bucket>();
  const quiet = new Map<string, Bucket>();
  const perWeek = new Map<string, Bucket & { activity: number; product: number }>();
  const wecom = new Map<string, Bucket>();
  for (const p of list) {
    const { day, minutes } = clock(p.scheduledAt);
    add(perDay, `${p.groupId}|${day}`, p.id);
    if (inQuietHours(minutes, ctx.settings.quietStart, ctx.settings.quietEnd)) add(quiet, `${p.groupId}|${day}`, p.id);
    const wk = `${p.groupId}|${weekStart(day)}`;
    const w = perWeek.get(wk) ?? { ids: [], count: 0, activity: 0, product: 0 };
    w.count++;
    if (p.id) w.ids.push(p.id);
    if (p.category === "activity") w.activity++;
    if (p.category === "product") w.product++;
    perWeek.set(wk, w);
    if (p.channel === "wecom") add(wecom, `${p.groupId}|${day.slice(0, 7)}`, p.id);
  }
  const out: CheckWarning[] = [];
  const split = (key: string) => key.split("|") as [string, string];
  for (const [key, b] of perDay) {
    const [groupId, period] = split(key);
    if (b.count > ctx.settings.hardDailyLimit) out.push({ kind: "daily_hard_limit", severity: "error", groupId, period, value: b.count, limit: ctx.settings.hardDailyLimit, postIds: b.ids });
    else if (b.count > ctx.settings.dailyLimit) out.push({ kind: "daily_limit", severity: "warning", groupId, period, value: b.count, limit: ctx.settings.dailyLimit, postIds: b.ids });
  }
  for (const [key, w] of perWeek) {
    if (w.count < MIX_RULES.minPostsPerWeek) continue;
    const [groupId, period] = split(key);
    const purpose = ctx.purposes[groupId] ?? "other";
    const activityPct = Math.round((w.activity / w.count) * 100);
    const productPct = Math.round((w.product / w.count) * 100);
    const base = { severity: "warning" as const, groupId, period, postIds: w.ids };
    if (purpose === "selling" && activityPct < MIX_RULES.sellingActivityMinPct) out.push({ ...base, kind: "mix_activity_low", value: activityPct, limit: MIX_RULES.sellingActivityMinPct });
    if (purpose === "traffic" && activityPct > MIX_RULES.trafficActivityMaxPct) out.push({ ...base, kind: "mix_activity_high", value: activityPct, limit: MIX_RULES.trafficActivityMaxPct });
    if (productPct > MIX_RULES.productMaxPct) out.push({ ...base, kind: "mix_product_high", value: productPct, limit: MIX_RULES.productMaxPct });
  }
  for (const [key, b] of quiet) {
    const [groupId, period] = split(key);
    out.push({ kind: "quiet_hours", severity: "warning", groupId, period, value: b.count, limit: 0, postIds: b.ids });
  }
  for (const [key, b] of wecom) {
    const [groupId, period] = split(key);
    const limit = daysInMonth(period);
    if (b.count > limit) out.push({ kind: "wecom_quota", severity: "warning", groupId, period, value: b.count, limit, postIds: b.ids });
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.period ?? "").localeCompare(b.period ?? "") || a.groupId.localeCompare(b.groupId));
}

/**
 * The local days to load so that every week and month touching [fromDay, toDay] is whole.
 */
export function checkWindow(fromDay: string, toDay: string): { from: string; to: string } {
  const monthStart = fromDay.slice(0, 7) + "-01";
  const monthEnd = `${toDay.slice(0, 7)}-${String(daysInMonth(toDay.slice(0, 7))).padStart(2, "0")}`;
  const wFrom = weekStart(fromDay);
  const wTo = addLocalDays(weekStart(toDay), 6);
  return { from: wFrom < monthStart ? wFrom : monthStart, to: wTo > monthEnd ? wTo : monthEnd };
}

/** Instants safely around a window of local days: a day of margin each side covers any zone. */
export function windowInstants(from: string, to: string): { start: Date; end: Date } {
  const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
  return { start: new Date(utc(from) - 86_400_000), end: new Date(utc(to) + 2 * 86_400_000) };
}

/** What the checks need to know about a workspace: its zone, settings and groups' purposes. */
export async function loadCheckContext(db: DbOrTx, workspaceId: string, groupIds?: string[]): Promise<CheckContext> {
  const [timeZone, settings, groupRows, custom] = await Promise.all([
    workspaceTimeZone(db, workspaceId),
    getCheckSettings(db, workspaceId),
    db
      .select({ id: groups.id, communityType: groups.communityType })
      .from(groups)
      .where(groupIds ? and(eq(groups.workspaceId, workspaceId), inArray(groups.id, groupIds.length ? groupIds : [workspaceId])) : eq(groups.workspaceId, workspaceId)),
    db.select({ id: communityTypes.id, step: communityTypes.businessStep }).from(communityTypes).where(eq(communityTypes.workspaceId, workspaceId)),
  ]);
  const steps = Object.fromEntries(custom.map((c) => [c.id, c.step]));
  const purposes = Object.fromEntries(groupRows.map((g) => [g.id, purposeOf(g.communityType, steps)]));
  return { timeZone, settings, purposes };
}

/** Saved posts that count for the checks (not drafts, not cancelled) in some groups and a span. */
export async function loadCheckedPosts(
  db: DbOrTx,
  q: { workspaceId: string; groupIds?: string[]; start: Date; end: Date; excludeIds?: string[] },
): Promise<ProposedPost[]> {
  const where = [
    eq(posts.workspaceId, q.workspaceId),
    gte(posts.scheduledAt, q.start),
    lt(posts.scheduledAt, q.end),
    notInArray(posts.status, ["cancelled", "draft"]),
    ...(q.groupIds ? [inArray(posts.groupId, q.groupIds.length ? q.groupIds : [q.workspaceId])] : []),
    ...(q.excludeIds?.length ? [notInArray(posts.id, q.excludeIds)] : []),
  ];
  return db
    .select({ id: posts.id, groupId: posts.groupId, scheduledAt: posts.scheduledAt, category: posts.category, channel: posts.channel })
    .from(posts)
    .where(and(...where));
}

const NEW_KEY = "new:";

/**
 * Checks for posts about to be saved (a drag, an edit, an SOP being applied), together with the
 * saved posts of the same groups around them. Only findings that involve a proposed post are
 * returned; proposed posts without an id are not named in `postIds`.
 */
export async function checkProposedPosts(
  db: DbOrTx,
  input: { workspaceId: string; proposed: ProposedPost[]; excludePostIds?: string[] },
): Promise<CheckWarning[]> {
  if (!input.proposed.length) return [];
  const groupIds = [...new Set(input.proposed.map((p) => p.groupId))];
  const ctx = await loadCheckContext(db, input.workspaceId, groupIds);
  const clock = localClock(ctx.timeZone);
  const days = input.proposed.map((p) => clock(p.scheduledAt).day).sort();
  const win = checkWindow(days[0]!, days[days.length - 1]!);
  const { start, end } = windowInstants(win.from, win.to);
  const keyed = input.proposed.map((p, i) => ({ ...p, id: p.id ?? `${NEW_KEY}${i}` }));
  const exclude = [...(input.excludePostIds ?? []), ...input.proposed.flatMap((p) => (p.id ? [p.id] : []))];
  const saved = await loadCheckedPosts(db, { workspaceId: input.workspaceId, groupIds, start, end, excludeIds: exclude });
  const mine = new Set(keyed.map((p) => p.id));
  return runChecks([...saved, ...keyed], ctx)
    .filter((w) => w.postIds?.some((id) => mine.has(id)))
    .map((w) => ({ ...w, postIds: w.postIds?.filter((id) => !id.startsWith(NEW_KEY)) }));
}

