import "server-only";
import { createHash } from "node:crypto";
import type postgres from "postgres";
import { getSql, type Db } from "@/db/client";
import { newId } from "@/lib/ids";
import type { UaClass } from "./routing";

export type ScanInput = { slug: string; visitorId: string | null; uaClass: UaClass; ipHash: string | null; now?: Date };
export type ScanResult =
  | { found: false }
  | {
      found: true;
      storeName: string;
      timeZone: string;
      codeName: string;
      /** The visitor's id to keep in their cookie (new when they had none). */
      visitorId: string;
      target: { groupName: string; uploadId: string; expiresAt: Date | null } | null;
    };

/** The cookie holds a random id; only its hash is stored, so the table cannot be replayed as cookies. */
export function visitorHash(visitorId: string): string {
  return createHash("sha256").update(visitorId).digest("base64url").slice(0, 32);
}

/** The postgres.js client under the given drizzle handle (the process's shared one). */
function clientOf(db: Db): postgres.Sql {
  void db; // scans always run on the process pool, never inside a caller's transaction
  return getSql();
}

/**
 * Scans of one code all update the same rows (the code's counter, the open group's seat), so in
 * Postgres they run one after the other anyway; ten of them at once only add lock waits and
 * re-checks (measured on a 2-core machine: about 2,800 scans/s with ten at a time against 4,300
 * with two, Postgres alone). So each process sends at most this many scans of one code at a time
 * and queues the rest, in order, itself. Scans of different codes do not wait for each other.
 */
const SCANS_PER_CODE = 2;
const gates = new Map<string, { running: number; waiting: (() => void)[] }>();

async function oneCodeAtATime<T>(slug: string, run: () => Promise<T>): Promise<T> {
  let gate = gates.get(slug);
  if (!gate) gates.set(slug, (gate = { running: 0, waiting: [] }));
  if (gate.running < SCANS_PER_CODE) gate.running++;
  else await new Promise<void>((resolve) => gate.waiting.push(resolve)); // handed a running slot
  try {
    return await run();
  } finally {
    const next = gate.waiting.shift();
    if (next) next();
    else if (--gate.running === 0) gates.delete(slug);
  }
}

type ScanRow = {
  storeName: string;
  timeZone: string;
  codeName: string;
  groupName: string | null;
  uploadId: string | null;
  /** A string: drizzle turns off postgres.js's date parsing on the client it wraps. */
  qrExpiresAt: string | null;
};

type Arrival = { input: ScanInput; resolve: (r: ScanResult) => void; reject: (e: unknown) => void };
/** First-time visitors of a code waiting for their turn in the code's queue, taken together. */
const arriving = new Map<string, { list: Arrival[] }>();
const MAX_BATCH = 100;

/**
 * One scan of `/j/<slug>`, in this process's queue for the code. A returning visitor is routed
 * and recorded on their own (`routeAndRecord`); first-time visitors who arrive while the code's
 * scans are busy wait together and go in one statement when their turn comes
 * (`routeAndRecordNewVisitors`), so a rush costs one transaction per handful of visitors.
 */
export async function recordScan(db: Db, input: ScanInput): Promise<ScanResult> {
  if (input.visitorId !== null || input.now) return oneCodeAtATime(input.slug, () => routeAndRecord(db, input));
  return new Promise<ScanResult>((resolve, reject) => {
    const waiting = arriving.get(input.slug);
    if (waiting) return void waiting.list.push({ input, resolve, reject });
    arriving.set(input.slug, { list: [{ input, resolve, reject }] });
    void oneCodeAtATime(input.slug, async () => {
      const { list } = arriving.get(input.slug)!;
      arriving.delete(input.slug); // those arriving from now on wait for the next turn
      for (let i = 0; i < list.length; i += MAX_BATCH) {
        const batch = list.slice(i, i + MAX_BATCH);
        try {
          const results = await routeAndRecordNewVisitors(db, input.slug, batch.map((a) => a.input));
          batch.forEach((a, j) => a.resolve(results[j]!));
        } catch (error) {
          batch.forEach((a) => a.reject(error));
        }
      }
    });
  });
}

/**
 * Route the visitor and record the scan, in one statement (so one round trip and its own
 * transaction), without this process's queue: as several web processes behind a load balancer
 * do at once (the tests that check the routing under concurrency call it directly). The rule
 * (routing.ts, DOMAIN.md §2) is written here in SQL:
 *
 * - `previous`: a returning visitor keeps the group they were given while its QR still works,
 *   even when the group has filled up since; they take no seat.
 * - `open`: anyone else gets the first target, by position, whose QR is uploaded and not expired
 *   and whose group is below the code's capacity. `for update` locks that target, and Postgres
 *   re-checks the conditions on the row's latest version once any concurrent scan holding it has
 *   committed; a target that filled up in the meantime is skipped for the next one. So two
 *   visitors never take the last seat twice, and nobody is turned away while a seat is free.
 * - `seat` counts the visitor into the chosen group, `visitor` remembers it for their cookie,
 *   `scan` records the scan (also when no group was found), `counted` bumps the code's counter and
 *   marks since when visitors find no group (`exhausted_at`, for the console's alert).
 *
 * `cfg` switches the statement's transaction to asynchronous commit: a database crash may lose
 * the last fraction of a second of scans (never half of one), and in return the seat's and the
 * counter's row locks are released without waiting for the disk, so a poster scanned by a whole
 * live-stream audience does not queue behind one disk flush per visitor. It is read by `counted`,
 * so it always runs.
 *
 * Written for postgres.js directly: as a tagged template it is prepared once per connection.
 */
export async function routeAndRecord(db: Db, input: ScanInput): Promise<ScanResult> {
  const at = (input.now ?? new Date()).toISOString();
  const visitorId = input.visitorId ?? newId();
  const hash = visitorHash(visitorId);
  const rows = await clientOf(db)<ScanRow[]>`
    with cfg as (
      select set_config('synchronous_commit', 'off', true) as v
    ),
    code as (
      select lc.workspace_id, lc.id, lc.name, lc.capacity, w.name as store_name, w.time_zone
      from public_codes pc
      join live_codes lc on lc.workspace_id = pc.workspace_id and lc.id = pc.target_id
      join workspaces w on w.id = lc.workspace_id
      where pc.code = ${input.slug} and pc.kind = 'live_code'
    ),
    previous as (
      select t.id, t.group_id, g.name as group_name, t.qr_upload_id, t.qr_expires_at
      from live_code_targets t
      join groups g on g.workspace_id = t.workspace_id and g.id = t.group_id
      where ${input.visitorId !== null}::boolean
        and t.workspace_id = (select workspace_id from code)
        and t.id = (select v.target_id from live_code_visitors v
                    where v.workspace_id = (select workspace_id from code) and v.live_code_id = (select id from code) and v.visitor_hash = ${hash})
        and t.live_code_id = (select id from code)
        and t.qr_upload_id is not null and (t.qr_expires_at is null or t.qr_expires_at > ${at}::timestamptz)
    ),
    open as (
      select t.id, t.group_id, g.name as group_name, t.qr_upload_id, t.qr_expires_at
      from code
      join live_code_targets t on t.workspace_id = code.workspace_id and t.live_code_id = code.id
      join groups g on g.workspace_id = t.workspace_id and g.id = t.group_id
      where not exists (select 1 from previous)
        and t.qr_upload_id is not null and (t.qr_expires_at is null or t.qr_expires_at > ${at}::timestamptz)
        and t.start_members + t.assigned_count < code.capacity
      order by t.position
      limit 1
      for update of t
    ),
    seat as (
      update live_code_targets t set assigned_count = t.assigned_count + 1
      from code, open
      where t.workspace_id = code.workspace_id and t.id = open.id
      returning t.id
    ),
    chosen as (
      select id, group_id, group_name, qr_upload_id, qr_expires_at, true as "returning" from previous
      union all
      select id, group_id, group_name, qr_upload_id, qr_expires_at, false from open
    ),
    visitor as (
      insert into live_code_visitors (workspace_id, live_code_id, visitor_hash, target_id)
      select code.workspace_id, code.id, ${hash}, seat.id from code, seat
      on conflict (workspace_id, live_code_id, visitor_hash) do update set target_id = excluded.target_id
    ),
    scan as (
      insert into live_code_scans (workspace_id, id, live_code_id, target_id, group_id, scanned_at, user_agent_class, "returning", ip_hash)
      select code.workspace_id, ${newId()}, code.id, chosen.id, chosen.group_id, ${at}::timestamptz, ${input.uaClass}::user_agent_class,
             coalesce(chosen."returning", false), ${input.ipHash}
      from code left join chosen on true
      returning id
    ),
    counted as (
      update live_codes lc
      set scan_count = lc.scan_count + 1,
          exhausted_at = case when exists (select 1 from chosen) then null else coalesce(lc.exhausted_at, ${at}::timestamptz) end
      from code
      where lc.workspace_id = code.workspace_id and lc.id = code.id and exists (select 1 from scan) and (select v from cfg) = 'off'
      returning lc.id
    )
    select code.store_name as "storeName", code.time_zone as "timeZone", code.name as "codeName",
           chosen.group_name as "groupName", chosen.qr_upload_id as "uploadId", chosen.qr_expires_at as "qrExpiresAt"
    from code left join chosen on true
    where exists (select 1 from counted)`;
  return resultOf(rows[0], visitorId);
}

function resultOf(row: ScanRow | undefined, visitorId: string): ScanResult {
  if (!row) return { found: false };
  return {
    found: true,
    storeName: row.storeName,
    timeZone: row.timeZone,
    codeName: row.codeName,
    visitorId,
    target: row.groupName !== null && row.uploadId ? { groupName: row.groupName, uploadId: row.uploadId, expiresAt: row.qrExpiresAt === null ? null : new Date(row.qrExpiresAt) } : null,
  };
}

/**
 * Several first-time visitors of one code (no cookie, so none of them has a group yet), routed
 * and recorded in one statement, in the order given: the same rule and the same rows as
 * `routeAndRecord` once per visitor, but one transaction for all of them. Every open target is
 * locked (and re-checked on its latest version, as there); the n-th visitor gets the target
 * whose free seats, counted along the targets in order, include the n-th; those beyond the last
 * free seat find no group.
 */
export async function routeAndRecordNewVisitors(db: Db, slug: string, inputs: ScanInput[]): Promise<ScanResult[]> {
  const at = new Date().toISOString();
  const visitorIds = inputs.map(() => newId());
  const arrivals = inputs.map((input, i) => ({ n: i + 1, id: newId(), hash: visitorHash(visitorIds[i]!), ua: input.uaClass, ip: input.ipHash }));
  const rows = await clientOf(db)<(ScanRow & { n: number })[]>`
    with cfg as (
      select set_config('synchronous_commit', 'off', true) as v
    ),
    code as (
      select lc.workspace_id, lc.id, lc.name, lc.capacity, w.name as store_name, w.time_zone
      from public_codes pc
      join live_codes lc on lc.workspace_id = pc.workspace_id and lc.id = pc.target_id
      join workspaces w on w.id = lc.workspace_id
      where pc.code = ${slug} and pc.kind = 'live_code'
    ),
    arrivals as (
      select * from jsonb_to_recordset(${JSON.stringify(arrivals)}::jsonb) as a(n int, id uuid, hash text, ua user_agent_class, ip text)
    ),
    open as (
      select t.id, t.group_id, g.name as group_name, t.qr_upload_id, t.qr_expires_at, t.position,
             code.capacity - t.start_members - t.assigned_count as room
      from code
      join live_code_targets t on t.workspace_id = code.workspace_id and t.live_code_id = code.id
      join groups g on g.workspace_id = t.workspace_id and g.id = t.group_id
      where t.qr_upload_id is not null and (t.qr_expires_at is null or t.qr_expires_at > ${at}::timestamptz)
        and t.start_members + t.assigned_count < code.capacity
      order by t.position
      for update of t
    ),
    ranked as (
      select open.*, sum(room) over (order by position rows between unbounded preceding and current row) - room as before from open
    ),
    placed as (
      select a.n, a.id as scan_id, a.hash, a.ua, a.ip, r.id, r.group_id, r.group_name, r.qr_upload_id, r.qr_expires_at
      from arrivals a left join ranked r on a.n > r.before and a.n <= r.before + r.room
    ),
    seat as (
      update live_code_targets t set assigned_count = t.assigned_count + p.taken
      from code, (select id, count(*)::int as taken from placed where id is not null group by id) p
      where t.workspace_id = code.workspace_id and t.id = p.id
      returning t.id
    ),
    visitor as (
      insert into live_code_visitors (workspace_id, live_code_id, visitor_hash, target_id)
      select code.workspace_id, code.id, p.hash, p.id from code, placed p where p.id is not null
      on conflict (workspace_id, live_code_id, visitor_hash) do update set target_id = excluded.target_id
    ),
    scan as (
      insert into live_code_scans (workspace_id, id, live_code_id, target_id, group_id, scanned_at, user_agent_class, "returning", ip_hash)
      select code.workspace_id, p.scan_id, code.id, p.id, p.group_id, ${at}::timestamptz, p.ua, false, p.ip
      from code, placed p
      returning id
    ),
    counted as (
      update live_codes lc
      set scan_count = lc.scan_count + (select count(*) from scan),
          exhausted_at = case when exists (select 1 from placed where id is null) then coalesce(lc.exhausted_at, ${at}::timestamptz) end
      from code
      where lc.workspace_id = code.workspace_id and lc.id = code.id and exists (select 1 from scan) and (select v from cfg) = 'off'
      returning lc.id
    )
    select p.n, code.store_name as "storeName", code.time_zone as "timeZone", code.name as "codeName",
           p.group_name as "groupName", p.qr_upload_id as "uploadId", p.qr_expires_at as "qrExpiresAt"
    from code, placed p
    where exists (select 1 from counted)`;
  const byN = new Map(rows.map((r) => [r.n, r]));
  return inputs.map((_, i) => resultOf(byN.get(i + 1), visitorIds[i]!));
}
