import "server-only";
import { createHash } from "node:crypto";
import type postgres from "postgres";
import { getSql, type Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { chooseTarget, keepsPreviousTarget, type UaClass } from "./routing";

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

type CodeRow = {
  workspaceId: string;
  liveCodeId: string;
  codeName: string;
  capacity: number;
  storeName: string;
  timeZone: string;
  id: string | null;
  groupId: string | null;
  groupName: string | null;
  position: number | null;
  uploadId: string | null;
  /** A string: drizzle turns off postgres.js's date parsing on the client it wraps. */
  qrExpiresAt: string | null;
  startMembers: number | null;
  assignedCount: number | null;
  mine: boolean;
};

/**
 * The code and its targets in one read, with the target this visitor was given before, if any.
 * The public page's two statements are written for postgres.js directly: as tagged templates they
 * are prepared once per connection, which roughly halves the time of each scan.
 */
async function readCode(db: Db, slug: string, hash: string | null) {
  const rows = await clientOf(db)<CodeRow[]>`
    select lc.workspace_id as "workspaceId", lc.id as "liveCodeId", lc.name as "codeName", lc.capacity,
           w.name as "storeName", w.time_zone as "timeZone",
           t.id, t.group_id as "groupId", g.name as "groupName", t.position, t.qr_upload_id as "uploadId",
           t.qr_expires_at as "qrExpiresAt", t.start_members as "startMembers", t.assigned_count as "assignedCount",
           exists (select 1 from live_code_visitors v
                   where v.workspace_id = t.workspace_id and v.live_code_id = t.live_code_id
                     and v.visitor_hash = ${hash ?? ""} and v.target_id = t.id) as mine
    from public_codes pc
    join live_codes lc on lc.workspace_id = pc.workspace_id and lc.id = pc.target_id
    join workspaces w on w.id = lc.workspace_id
    left join live_code_targets t on t.workspace_id = lc.workspace_id and t.live_code_id = lc.id
    left join groups g on g.workspace_id = t.workspace_id and g.id = t.group_id
    where pc.code = ${slug} and pc.kind = 'live_code'
    order by t.position`;
  const [first] = rows;
  if (!first) return null;
  const targets = rows.flatMap((r) =>
    r.id && r.groupId && r.groupName !== null && r.position !== null
      ? [
          {
            ...r,
            id: r.id,
            groupId: r.groupId,
            groupName: r.groupName,
            position: r.position,
            qrExpiresAt: r.qrExpiresAt === null ? null : new Date(r.qrExpiresAt),
            startMembers: r.startMembers ?? 0,
            assignedCount: r.assignedCount ?? 0,
            hasQr: r.uploadId !== null,
          },
        ]
      : [],
  );
  return { ...first, targets };
}

/**
 * One scan of `/j/<slug>`: route the visitor and record the scan. The rule runs on a fresh read;
 * the write then claims the chosen group's seat with a conditional UPDATE that Postgres re-checks
 * on the row's latest version, so two visitors can never take the last seat twice. If the seat
 * went in the meantime nothing is written and the visitor is routed again. Every scan is
 * recorded exactly once, including those that find no group.
 */
export async function recordScan(db: Db, input: ScanInput): Promise<ScanResult> {
  const now = input.now ?? new Date();
  const visitorId = input.visitorId ?? newId();
  const hash = visitorHash(visitorId);
  for (let attempt = 0; attempt < 25; attempt++) {
    const code = await readCode(db, input.slug, input.visitorId ? hash : null);
    if (!code) return { found: false };
    const previous = code.targets.find((t) => t.mine);
    const returning = keepsPreviousTarget(previous, now);
    const chosen = returning ? previous! : chooseTarget(code.targets, code.capacity, now);
    const written = await writeScan(db, { workspaceId: code.workspaceId, liveCodeId: code.liveCodeId, hash, targetId: chosen?.id ?? null, groupId: chosen?.groupId ?? null, fills: !!chosen && !returning, returning, input, now });
    if (!written) continue;
    return {
      found: true,
      storeName: code.storeName,
      timeZone: code.timeZone,
      codeName: code.codeName,
      visitorId,
      target: chosen && chosen.uploadId ? { groupName: chosen.groupName, uploadId: chosen.uploadId, expiresAt: chosen.qrExpiresAt } : null,
    };
  }
  // Each retry means a group filled up or its QR expired since the read: that cannot go on.
  throw new Error(`live code ${input.slug}: routing did not settle`);
}

type WriteScan = {
  workspaceId: string;
  liveCodeId: string;
  hash: string;
  targetId: string | null;
  groupId: string | null;
  /** A new visitor given a group takes one of its seats; a returning one does not. */
  fills: boolean;
  returning: boolean;
  input: ScanInput;
  now: Date;
};

/**
 * The seat, the visitor's group, the scan row and the code's counter in one statement: all of it
 * or (when the seat is gone) none of it. `exhausted_at` marks when visitors started finding no
 * group, for the console's alert.
 */
async function writeScan(db: Db, w: WriteScan): Promise<boolean> {
  const at = w.now.toISOString();
  // One statement, so one round trip and its own transaction. `cfg` switches that transaction to
  // asynchronous commit: a database crash may lose the last fraction of a second of scans (never
  // half of one), and in return the seat's and the counter's row locks are released without
  // waiting for the disk, so a poster scanned by a whole live-stream audience does not queue
  // behind one disk flush per visitor. It is read by the final UPDATE so it always runs.
  const rows = await clientOf(db)`
    with cfg as (
      select set_config('synchronous_commit', 'off', true) as v
    ),
    seat as (
      update live_code_targets t set assigned_count = t.assigned_count + 1
      where ${w.fills}::boolean and t.workspace_id = ${w.workspaceId} and t.id = ${w.targetId}::uuid and t.qr_upload_id is not null
        and (t.qr_expires_at is null or t.qr_expires_at > ${at}::timestamptz)
        and t.start_members + t.assigned_count < (select capacity from live_codes where workspace_id = ${w.workspaceId} and id = ${w.liveCodeId})
      returning t.id
    ),
    chosen as (
      select id from seat union all select ${w.targetId}::uuid where not ${w.fills}::boolean
    ),
    visitor as (
      insert into live_code_visitors (workspace_id, live_code_id, visitor_hash, target_id)
      select ${w.workspaceId}, ${w.liveCodeId}, ${w.hash}, id from seat
      on conflict (workspace_id, live_code_id, visitor_hash) do update set target_id = excluded.target_id
    ),
    scan as (
      insert into live_code_scans (workspace_id, id, live_code_id, target_id, group_id, scanned_at, user_agent_class, "returning", ip_hash)
      select ${w.workspaceId}, ${newId()}, ${w.liveCodeId}, id, ${w.groupId}::uuid, ${at}::timestamptz, ${w.input.uaClass}::user_agent_class, ${w.returning}, ${w.input.ipHash}
      from chosen
      returning id
    )
    update live_codes
    set scan_count = scan_count + 1,
        exhausted_at = case when ${w.targetId}::uuid is null then coalesce(exhausted_at, ${at}::timestamptz) end
    where workspace_id = ${w.workspaceId} and id = ${w.liveCodeId} and exists (select 1 from scan) and (select v from cfg) = 'off'
    returning id`;
  return rows.length > 0;
}
