/**
 * `npm run bench:roster`: one group of 100,000 members, then the roster page (first page, a deep
 * page by cursor, the page after it, a nickname search, a phone search) and the member search,
 * timed in-process around the query function: the server time a page waits for its data.
 * When a target is missed the slowest call's SQL is run again under EXPLAIN ANALYZE and its
 * plan printed, so the report can say which index would help.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { v7 } from "uuid";
import { getDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { JOIN_SOURCES, makeNickname, REMARKS, seededRandom } from "@/db/seed-data";
import { encodeCursor, listRoster } from "@/lib/groups/queries";
import { rosterFiltersSchema } from "@/lib/groups/schema";
import { listMembers } from "@/lib/members/queries";
import { memberFiltersSchema } from "@/lib/members/schema";
import { figure, makeBenchGroup, makeBenchWorkspace, percentile, progress, runBench, timed, withBenchDatabase } from "./lib";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const CALLS = 50;
const WARMUP = 3;
const ROSTER_TARGET_MS = 150;
const TAGS = { 兴趣: ["咖啡", "烘焙", "生鲜", "亲子"], 生命周期: ["新客", "活跃", "沉睡"], 来源: ["门店", "朋友圈", "直播"] };

type Ctx = { workspaceId: string; groupId: string };

/** Set-based: one statement per table, whatever MEMBERS is. */
async function seed(sql: postgres.Sql): Promise<Ctx> {
  const { workspaceId } = await makeBenchWorkspace(sql, "bench-roster");
  const groupId = await makeBenchGroup(sql, workspaceId, "社区生鲜福利群");
  const rand = seededRandom(42);
  const nicknames = Array.from({ length: MEMBERS }, () => makeNickname(rand));
  // Minutes over a year; i·7919 mod 525,600 is distinct for every i below 525,600.
  await sql`
    insert into members (workspace_id, id, phone, nickname, remark, source, activity_score, last_active_at, created_at)
    select ${workspaceId}, md5(${workspaceId} || ':m:' || i)::uuid,
           '1' || (array['3','5','8'])[1 + i % 3] || lpad(((i * 7919 + 12345) % 1000000000)::text, 9, '0'),
           nickname,
           case when i % 5 = 0 then (${REMARKS as unknown as string[]}::text[])[1 + i % ${REMARKS.length}] else '' end,
           (${JOIN_SOURCES as unknown as string[]}::text[])[1 + i % ${JOIN_SOURCES.length}],
           (i * 37 % 1000) / 100.0,
           case when i % 4 = 0 then null else now() - ((i * 131) % 43200) * interval '1 minute' end,
           now() - ((i * 7919) % 525600) * interval '1 minute'
    from unnest(${nicknames}::text[]) with ordinality as t(nickname, i)`;
  await sql`
    insert into group_memberships (workspace_id, id, group_id, member_id, role, joined_at, join_source)
    select ${workspaceId}, md5(${workspaceId} || ':gm:' || i)::uuid, ${groupId}, md5(${workspaceId} || ':m:' || i)::uuid,
           (case when i % 200 = 0 then 'koc' else 'member' end)::member_role,
           now() - ((i * 7919) % 525600) * interval '1 minute',
           (${JOIN_SOURCES as unknown as string[]}::text[])[1 + i % ${JOIN_SOURCES.length}]
    from generate_series(1, ${MEMBERS}::bigint) i`;
  const tagIds: string[] = [];
  for (const [group, names] of Object.entries(TAGS)) {
    const tagGroupId = v7();
    await sql`insert into tag_groups (workspace_id, id, name) values (${workspaceId}, ${tagGroupId}, ${group})`;
    for (const name of names) {
      const id = v7();
      await sql`insert into tags (workspace_id, id, tag_group_id, name) values (${workspaceId}, ${id}, ${tagGroupId}, ${name})`;
      tagIds.push(id);
    }
  }
  // One to three tags each; (i·3 + 7k) mod 10 differs for k = 0, 1, 2.
  await sql`
    insert into member_tags (workspace_id, member_id, tag_id)
    select ${workspaceId}, md5(${workspaceId} || ':m:' || i)::uuid, (${tagIds}::uuid[])[1 + (i * 3 + 7 * k) % ${tagIds.length}]
    from generate_series(1, ${MEMBERS}::bigint) i, generate_series(0, 2) k
    where k <= i % 3`;
  await sql`analyze`;
  return { workspaceId, groupId };
}

type Call = { label: string; run: (db: Db) => Promise<unknown> };

async function rosterCalls(sql: postgres.Sql, ctx: Ctx): Promise<Call[]> {
  const rand = seededRandom(7);
  const deep = await sql<{ joined_at: Date; id: string }[]>`
    select joined_at, id from group_memberships where workspace_id = ${ctx.workspaceId} and group_id = ${ctx.groupId}
    order by joined_at desc, id desc offset ${Math.floor(MEMBERS * 0.8)} limit 1`;
  const phones = await sql<{ phone: string }[]>`select phone from members where workspace_id = ${ctx.workspaceId} order by id limit 20`;
  const nickFragments = ["草莓", "王", "Lily", "妈妈", "小林", "城南", "老师", "A-"];
  const roster = (filters: Record<string, string>) => (db: Db) =>
    listRoster(db, { workspaceId: ctx.workspaceId, groupId: ctx.groupId, filters: rosterFiltersSchema.parse(filters) });
  const deepCursor = deep[0] ? encodeCursor(deep[0].joined_at, deep[0].id) : undefined;
  let nextAfterDeep: string | undefined;
  const calls: Call[] = [];
  for (let j = 0; j < CALLS; j++) {
    const kind = j % 5;
    if (kind === 0) calls.push({ label: "first page", run: roster({}) });
    if (kind === 1) {
      calls.push({
        label: "deep page (80% in)",
        run: async (db) => {
          const page = await roster({ after: deepCursor ?? "" })(db);
          nextAfterDeep = page.next ?? undefined;
          return page;
        },
      });
    }
    if (kind === 2) calls.push({ label: "page after the deep page", run: (db) => roster({ after: nextAfterDeep ?? "" })(db) });
    if (kind === 3) {
      const q = nickFragments[Math.floor(rand() * nickFragments.length)]!;
      calls.push({ label: `search nickname "${q}"`, run: roster({ q }) });
    }
    if (kind === 4) {
      const phone = phones[Math.floor(rand() * phones.length)]?.phone ?? "138";
      const q = phone.slice(0, 4 + Math.floor(rand() * 4));
      calls.push({ label: `search phone "${q}"`, run: roster({ q }) });
    }
  }
  return calls;
}

async function memberCalls(sql: postgres.Sql, ctx: Ctx): Promise<Call[]> {
  const rand = seededRandom(11);
  const phones = await sql<{ phone: string }[]>`select phone from members where workspace_id = ${ctx.workspaceId} order by id desc limit 20`;
  const fragments = ["草莓", "王", "Coco", "妈", "小林", "岁月", "姐", "火锅"];
  return Array.from({ length: CALLS }, (_, j) => {
    const q = j % 2 === 0 ? fragments[Math.floor(rand() * fragments.length)]! : (phones[Math.floor(rand() * phones.length)]?.phone ?? "139").slice(0, 4 + Math.floor(rand() * 4));
    return { label: `member search "${q}"`, run: (db: Db) => listMembers(db, { workspaceId: ctx.workspaceId, filters: memberFiltersSchema.parse({ q }) }) };
  });
}

async function measure(db: Db, calls: Call[]) {
  // Warm-up: the first call of each kind, a few times over (plans cached, pages in memory).
  for (let w = 0; w < WARMUP; w++) for (const call of calls.slice(0, 5)) await call.run(db);
  const samples: { label: string; ms: number; call: Call }[] = [];
  for (const call of calls) samples.push({ label: call.label, ms: (await timed(() => call.run(db))).ms, call });
  return samples;
}

const kindOf = (label: string) => label.replace(/"[^"]*"/, "…");

function slowestOfEachKind<T extends { label: string; ms: number }>(samples: T[]): T[] {
  const worst = new Map<string, T>();
  for (const s of samples) if ((worst.get(kindOf(s.label))?.ms ?? -1) < s.ms) worst.set(kindOf(s.label), s);
  return [...worst.values()];
}

function summarise(name: string, samples: { label: string; ms: number }[]) {
  const byKind = new Map<string, number[]>();
  for (const s of samples) {
    const kind = kindOf(s.label);
    byKind.set(kind, [...(byKind.get(kind) ?? []), s.ms]);
  }
  for (const [kind, ms] of byKind) progress(`${name} ${kind}: n=${ms.length} p50 ${percentile(ms, 50).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`);
}

/** Run a call through a db that records its SQL, then EXPLAIN ANALYZE each statement. */
async function explain(sql: postgres.Sql, call: Call) {
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(sql, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  await call.run(db);
  progress(`EXPLAIN ANALYZE of ${call.label}:`);
  for (const { query, params } of captured) {
    console.log(`  sql: ${query.length > 400 ? `${query.slice(0, 400)}…` : query}`);
    console.log(`  params: ${JSON.stringify(params).slice(0, 300)}`);
    const plan = await sql.unsafe(`explain (analyze, buffers) ${query}`, params as postgres.ParameterOrJSON<never>[]);
    for (const row of plan) console.log(`    ${String(row["QUERY PLAN"])}`);
  }
}

async function main() {
  await withBenchDatabase("roster", async ({ sql }) => {
    const seeded = await timed(() => seed(sql));
    progress(`seeded ${MEMBERS} members in one group in ${(seeded.ms / 1000).toFixed(1)} s`);
    const ctx = seeded.result;
    const db = getDb();
    const roster = await measure(db, await rosterCalls(sql, ctx));
    const search = await measure(db, await memberCalls(sql, ctx));
    summarise("roster", roster);
    summarise("members", search);
    const rosterMs = roster.map((s) => s.ms);
    const searchMs = search.map((s) => s.ms);
    figure("roster_p95_ms", percentile(rosterMs, 95));
    figure("roster_p50_ms", percentile(rosterMs, 50));
    figure("member_search_p95_ms", percentile(searchMs, 95));
    figure("member_search_p50_ms", percentile(searchMs, 50));
    // A missed target (or BENCH_EXPLAIN=1) prints the plan of the slowest call of each kind.
    if (percentile(rosterMs, 95) >= ROSTER_TARGET_MS || percentile(searchMs, 95) >= ROSTER_TARGET_MS || process.env.BENCH_EXPLAIN) {
      for (const s of slowestOfEachKind([...roster, ...search])) await explain(sql, s.call);
    }
  });
}

runBench(main);
