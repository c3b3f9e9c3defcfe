import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, groups, memberships, positionings, posts, users, type ContentCategory, type PostChannel, type PostStatus } from "@/db/schema";
import type { CheckWarning } from "./check-types";
import { checkWindow, loadCheckContext, loadCheckedPosts, runChecks, windowInstants } from "./checks";
import type { CalendarScope, CalendarView } from "./view-range";
import { localClock } from "./local-clock";
import { addLocalDays, instantDay } from "./time";

export type CalendarGroup = { id: string; name: string; communityType: string | null; positioningId: string | null };

/** Every group of the workspace (names for chips and filters) and those the scope selects. */
export async function listCalendarGroups(db: DbOrTx, q: { workspaceId: string; scope: CalendarScope }) {
  const all = await db
    .select({ id: groups.id, name: groups.name, communityType: groups.communityType, positioningId: groups.positioningId })
    .from(groups)
    .where(eq(groups.workspaceId, q.workspaceId))
    .orderBy(asc(groups.name));
  const scope = q.scope;
  const inScope = scope.kind === "all" ? null : all.filter((g) => (scope.kind === "group" ? g.id === scope.id : g.positioningId === scope.id)).map((g) => g.id);
  return { all, inScope };
}

export async function listCalendarPlans(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: positionings.id, name: positionings.name })
    .from(positionings)
    .where(and(eq(positionings.workspaceId, workspaceId), isNull(positionings.archivedAt)))
    .orderBy(asc(positionings.name));
}

export async function listWorkspaceMembers(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
}

export type PostChip = {
  id: string;
  groupId: string;
  scheduledAt: Date;
  status: PostStatus;
  late: boolean;
  category: ContentCategory;
  channel: PostChannel;
  title: string;
  version: number;
};

const chipColumns = {
  id: posts.id,
  groupId: posts.groupId,
  scheduledAt: posts.scheduledAt,
  status: posts.status,
  late: posts.late,
  category: posts.category,
  channel: posts.channel,
  title: sql<string>`coalesce(nullif(${posts.title}, ''), ${contentItems.title}, '')`,
  version: posts.version,
};

/** The posts of a span (week or day view), oldest first; `groupIds` null = every group. */
export async function listPostsInRange(db: DbOrTx, q: { workspaceId: string; groupIds: string[] | null; start: Date; end: Date }): Promise<PostChip[]> {
  if (q.groupIds && !q.groupIds.length) return [];
  return db
    .select(chipColumns)
    .from(posts)
    .leftJoin(contentItems, and(eq(contentItems.workspaceId, posts.workspaceId), eq(contentItems.id, posts.contentItemId)))
    .where(and(eq(posts.workspaceId, q.workspaceId), gte(posts.scheduledAt, q.start), lt(posts.scheduledAt, q.end), q.groupIds ? inArray(posts.groupId, q.groupIds) : undefined))
    .orderBy(asc(posts.scheduledAt), asc(posts.id));
}

export type DaySummary = {
  day: string;
  total: number;
  byCategory: Record<ContentCategory, number>;
  cancelled: number;
  sent: number;
  failed: number;
  due: number;
  late: number;
  first: PostChip[];
};

/** How many posts a month cell shows before "+N more". */
export const MONTH_CHIPS_PER_DAY = 3;

/**
 * The month grid's data, aggregated in SQL: per local day the counts per category and status
 * and the first few posts (for dragging). Sending 6,000 rows to the browser is what this avoids.
 */
export async function getMonthSummary(
  db: DbOrTx,
  q: { workspaceId: string; groupIds: string[] | null; from: string; to: string; timeZone: string },
): Promise<Map<string, DaySummary>> {
  const out = new Map<string, DaySummary>();
  if (q.groupIds && !q.groupIds.length) return out;
  const { start, end } = windowInstants(q.from, q.to);
  const groupFilter = q.groupIds ? sql`and p.group_id in ${q.groupIds}` : sql``;
  const localDay = sql`to_char(p.scheduled_at at time zone ${q.timeZone}, 'YYYY-MM-DD')`;
  const [counts, firsts] = await Promise.all([
    db.execute<{ day: string; category: ContentCategory; status: PostStatus; late: boolean; n: number }>(sql`
      select ${localDay} as day, p.category, p.status, p.late, count(*)::int as n
      from posts p
      where p.workspace_id = ${q.workspaceId} and p.scheduled_at >= ${start.toISOString()} and p.scheduled_at < ${end.toISOString()} ${groupFilter}
      group by 1, 2, 3, 4`),
    db.execute<{ day: string; id: string; group_id: string; scheduled_at: string; status: PostStatus; late: boolean; category: ContentCategory; channel: PostChannel; title: string; version: number }>(sql`
      select * from (
        select ${localDay} as day, p.id, p.group_id, p.scheduled_at, p.status, p.late, p.category, p.channel, p.version,
               coalesce(nullif(p.title, ''), ci.title, '') as title,
               row_number() over (partition by ${localDay} order by p.scheduled_at, p.id) as rn
        from posts p
        left join content_items ci on ci.workspace_id = p.workspace_id and ci.id = p.content_item_id
        where p.workspace_id = ${q.workspaceId} and p.scheduled_at >= ${start.toISOString()} and p.scheduled_at < ${end.toISOString()}
          and p.status <> 'cancelled' ${groupFilter}
      ) t where rn <= ${MONTH_CHIPS_PER_DAY}`),
  ]);
  const summary = (day: string) => {
    let s = out.get(day);
    if (!s) {
      s = { day, total: 0, byCategory: { product: 0, values: 0, interaction: 0, activity: 0 }, cancelled: 0, sent: 0, failed: 0, due: 0, late: 0, first: [] };
      out.set(day, s);
    }
    return s;
  };
  for (const r of counts) {
    if (r.day < q.from || r.day > q.to) continue;
    const s = summary(r.day);
    if (r.status === "cancelled") {
      s.cancelled += r.n;
      continue;
    }
    s.total += r.n;
    s.byCategory[r.category] += r.n;
    if (r.status === "sent") s.sent += r.n;
    if (r.status === "failed") s.failed += r.n;
    if (r.status === "due") s.due += r.n;
    if (r.late) s.late += r.n;
  }
  for (const r of firsts) {
    if (r.day < q.from || r.day > q.to) continue;
    summary(r.day).first.push({ id: r.id, groupId: r.group_id, scheduledAt: new Date(r.scheduled_at), status: r.status, late: r.late, category: r.category, channel: r.channel, title: r.title, version: r.version });
  }
  return out;
}

/** Does a finding's period touch the days [from, to]? */
function touches(w: CheckWarning, from: string, to: string): boolean {
  const p = w.period ?? "";
  if (w.kind === "wecom_quota") return p >= from.slice(0, 7) && p <= to.slice(0, 7);
  if (w.kind.startsWith("mix_")) return p <= to && addLocalDays(p, 6) >= from;
  return p >= from && p <= to;
}

/**
 * The checks of the saved posts over a view (whole weeks and months around it), limited to it and
 * to what can still be changed: a day, week or month that is over is history, not a warning.
 */
export async function getViewChecks(db: DbOrTx, q: { workspaceId: string; groupIds: string[] | null; from: string; to: string; today: string }): Promise<CheckWarning[]> {
  if (q.groupIds && !q.groupIds.length) return [];
  if (q.today > q.to) return [];
  const from = q.today > q.from ? q.today : q.from;
  const win = checkWindow(q.from, q.to);
  const { start, end } = windowInstants(win.from, win.to);
  const [ctx, list] = await Promise.all([
    loadCheckContext(db, q.workspaceId, q.groupIds ?? undefined),
    loadCheckedPosts(db, { workspaceId: q.workspaceId, groupIds: q.groupIds ?? undefined, start, end }),
  ]);
  return runChecks(list, ctx).filter((w) => touches(w, from, q.to));
}

/**
 * Everything the calendar page loads for a view. The month view gets aggregated days; the week
 * and day views get their posts. The benchmark times exactly this.
 */
export async function loadCalendarView(db: DbOrTx, q: { workspaceId: string; timeZone: string; view: CalendarView; now?: Date }) {
  const { all, inScope } = await listCalendarGroups(db, { workspaceId: q.workspaceId, scope: q.view.scope });
  const { from, to } = q.view;
  const [checks, month, list] = await Promise.all([
    getViewChecks(db, { workspaceId: q.workspaceId, groupIds: inScope, from, to, today: instantDay(q.now ?? new Date(), q.timeZone) }),
    q.view.view === "month" ? getMonthSummary(db, { workspaceId: q.workspaceId, groupIds: inScope, from, to, timeZone: q.timeZone }) : Promise.resolve(null),
    q.view.view === "month"
      ? Promise.resolve(null)
      : (() => {
          const { start, end } = windowInstants(from, to);
          const clock = localClock(q.timeZone);
          return listPostsInRange(db, { workspaceId: q.workspaceId, groupIds: inScope, start, end }).then((rows) =>
            rows.filter((p) => {
              const day = clock(p.scheduledAt).day;
              return day >= from && day <= to;
            }),
          );
        })(),
  ]);
  return { groups: all, inScope, checks, month, posts: list };
}
