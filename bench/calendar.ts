/**
 * `npm run bench:calendar`: 50 groups × 4 posts a day over a month grid (≈ 6,000 posts in the
 * month itself) in one workspace, then the month view's data for all groups, timed in-process
 * around `loadCalendarView` — the same function the calendar page awaits: the aggregated days,
 * the first chips of each day and the checks over whole weeks and months around the grid.
 */
import type postgres from "postgres";
import { getDb } from "@/db/client";
import { loadCalendarView } from "@/lib/calendar/queries";
import { parseCalendarView } from "@/lib/calendar/view-range";
import { figure, makeBenchGroup, makeBenchWorkspace, percentile, progress, runBench, timed, withBenchDatabase, withTimeout } from "./lib";
import { addLocalDays, localToInstant } from "@/lib/calendar/time";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 50);
const MONTH = "2026-04-15";
const CALLS = 40;
const WARMUP = 3;
const TARGET_MS = 300;
const TZ = "Asia/Shanghai";
const TYPES = ["conversion", "traffic", "fans", "flash", "repurchase"];

async function seed(sql: postgres.Sql): Promise<string> {
  const { workspaceId, userId } = await makeBenchWorkspace(sql, "bench-calendar");
  const groupIds: string[] = [];
  for (let g = 0; g < GROUPS; g++) groupIds.push(await makeBenchGroup(sql, workspaceId, `福利群 ${g + 1}`));
  await sql`update groups set community_type = (${TYPES}::text[])[1 + (abs(hashtext(id::text)) % ${TYPES.length})] where workspace_id = ${workspaceId}`;
  const view = parseCalendarView({ view: "month", date: MONTH }, TZ);
  // Every day of the grid (whole weeks around April), four slots a day, categories in turn.
  await sql`
    with slots(slot, t) as (values (0, '09:00'), (1, '12:00'), (2, '18:00'), (3, '20:30')),
         ins as (
      insert into posts (workspace_id, id, group_id, scheduled_at, status, channel, category, title, owner_user_id, created_by)
      select ${workspaceId}, md5(${workspaceId} || g.id::text || d::text || s.slot)::uuid, g.id,
             ((d::date)::text || ' ' || s.t)::timestamp at time zone ${TZ},
             (case when d < ${MONTH}::date then 'sent' else 'scheduled' end)::post_status,
             (case when s.slot = 1 then 'wecom' else 'manual' end)::post_channel,
             (array['product','values','interaction','activity'])[1 + (s.slot + extract(day from d)::int) % 4]::content_category,
             '第 ' || s.slot || ' 条', ${userId}, ${userId}
      from unnest(${groupIds}::uuid[]) g(id),
           generate_series(${view.from}::date, ${view.to}::date, interval '1 day') d,
           slots s
      returning workspace_id, id, status)
    insert into post_history (workspace_id, post_id, id, to_status)
    select workspace_id, id, md5(id::text || 'h')::uuid, status from ins`;
  await sql`analyze`;
  const counted = await sql<{ n: number }[]>`select count(*)::int as n from posts where workspace_id = ${workspaceId} and to_char(scheduled_at at time zone ${TZ}, 'YYYY-MM') = ${MONTH.slice(0, 7)}`;
  const n = counted[0]?.n ?? 0;
  progress(`${GROUPS} groups, ${n} posts in ${MONTH.slice(0, 7)} (${view.days.length}-day grid)`);
  return workspaceId;
}

async function main() {
  await withBenchDatabase("calendar", async ({ sql }) => {
    const workspaceId = await withTimeout("seeding", 120_000, seed(sql));
    const view = parseCalendarView({ view: "month", date: MONTH }, TZ);
    // Seen from the day before the month, so every check still runs over all of it.
    const now = localToInstant(addLocalDays(view.from, -1), "12:00", TZ);
    const load = () => loadCalendarView(getDb(), { workspaceId, timeZone: TZ, view, now });
    for (let i = 0; i < WARMUP; i++) await load();
    const samples: number[] = [];
    let last: Awaited<ReturnType<typeof load>> | undefined;
    for (let i = 0; i < CALLS; i++) {
      const { ms, result } = await timed(load);
      samples.push(ms);
      last = result;
    }
    const days = last?.month ? [...last.month.values()] : [];
    progress(`month view: ${days.reduce((n, d) => n + d.total, 0)} posts over ${days.length} days, ${last?.checks.length ?? 0} check findings`);
    const p95 = percentile(samples, 95);
    progress(`month view p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${CALLS} calls (target < ${TARGET_MS} ms)`);
    figure("calendar_month_ms", p95);
    figure("calendar_month_p50_ms", percentile(samples, 50));
  });
}

runBench(main);
