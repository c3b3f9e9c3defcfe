import "server-only";
import { and, asc, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { groups, liveCodes, liveCodeScans, liveCodeTags, liveCodeTargets, publicCodes, tags, uploads } from "@/db/schema";
import { expiresSoon, fillOf, targetState, type TargetState } from "./routing";

type Key = { workspaceId: string };

export type TargetView = {
  id: string;
  groupId: string;
  groupName: string;
  position: number;
  qrUploadId: string | null;
  qrExpiresAt: Date | null;
  fill: number;
  capacity: number;
  state: TargetState;
  expiresSoon: boolean;
};

async function targetsOf(db: DbOrTx, workspaceId: string, codes: { id: string; capacity: number }[], now: Date) {
  if (codes.length === 0) return new Map<string, TargetView[]>();
  const rows = await db
    .select({
      id: liveCodeTargets.id,
      liveCodeId: liveCodeTargets.liveCodeId,
      groupId: liveCodeTargets.groupId,
      groupName: groups.name,
      position: liveCodeTargets.position,
      qrUploadId: liveCodeTargets.qrUploadId,
      qrExpiresAt: liveCodeTargets.qrExpiresAt,
      startMembers: liveCodeTargets.startMembers,
      assignedCount: liveCodeTargets.assignedCount,
    })
    .from(liveCodeTargets)
    .innerJoin(groups, and(eq(groups.workspaceId, liveCodeTargets.workspaceId), eq(groups.id, liveCodeTargets.groupId)))
    .where(and(eq(liveCodeTargets.workspaceId, workspaceId), inArray(liveCodeTargets.liveCodeId, codes.map((c) => c.id))))
    .orderBy(asc(liveCodeTargets.position));
  const out = new Map<string, TargetView[]>();
  for (const r of rows) {
    const capacity = codes.find((c) => c.id === r.liveCodeId)?.capacity ?? 0;
    const state = targetState({ ...r, hasQr: r.qrUploadId !== null }, capacity, now);
    const view: TargetView = { ...r, fill: fillOf(r), capacity, state, expiresSoon: state === "open" && expiresSoon(r.qrExpiresAt, now) };
    out.set(r.liveCodeId, [...(out.get(r.liveCodeId) ?? []), view]);
  }
  return out;
}

/** Every target full, expired or without a QR: visitors see "please contact the store". */
export function isExhausted(targets: TargetView[]): boolean {
  return targets.every((t) => t.state !== "open");
}

export async function listLiveCodes(db: DbOrTx, q: Key & { now?: Date }) {
  const now = q.now ?? new Date();
  const rows = await db
    .select({
      id: liveCodes.id,
      slug: liveCodes.slug,
      name: liveCodes.name,
      channel: liveCodes.channel,
      capacity: liveCodes.capacity,
      scanCount: liveCodes.scanCount,
      exhaustedAt: liveCodes.exhaustedAt,
    })
    .from(liveCodes)
    .where(eq(liveCodes.workspaceId, q.workspaceId))
    .orderBy(desc(liveCodes.createdAt))
    .limit(500);
  const targets = await targetsOf(db, q.workspaceId, rows, now);
  return rows.map((r) => {
    const list = targets.get(r.id) ?? [];
    return { ...r, targets: list, exhausted: isExhausted(list), expiringSoon: list.filter((t) => t.expiresSoon) };
  });
}

export async function getLiveCode(db: DbOrTx, q: Key & { liveCodeId: string; now?: Date }) {
  const [row] = await db
    .select()
    .from(liveCodes)
    .where(and(eq(liveCodes.workspaceId, q.workspaceId), eq(liveCodes.id, q.liveCodeId)))
    .limit(1);
  if (!row) return null;
  const [targets, tagRows] = await Promise.all([
    targetsOf(db, q.workspaceId, [row], q.now ?? new Date()),
    db
      .select({ id: tags.id, name: tags.name })
      .from(liveCodeTags)
      .innerJoin(tags, and(eq(tags.workspaceId, liveCodeTags.workspaceId), eq(tags.id, liveCodeTags.tagId)))
      .where(and(eq(liveCodeTags.workspaceId, q.workspaceId), eq(liveCodeTags.liveCodeId, q.liveCodeId)))
      .orderBy(asc(tags.name)),
  ]);
  const list = targets.get(row.id) ?? [];
  return { ...row, targets: list, tags: tagRows, exhausted: isExhausted(list) };
}

/** Scans per day (in the workspace's zone) and per target group since `since`: aggregated in SQL. */
export async function getScanStats(db: DbOrTx, q: Key & { liveCodeId: string; since: Date; timeZone: string }) {
  const mine = and(eq(liveCodeScans.workspaceId, q.workspaceId), eq(liveCodeScans.liveCodeId, q.liveCodeId), gte(liveCodeScans.scannedAt, q.since));
  const day = sql<string>`to_char(${liveCodeScans.scannedAt} at time zone ${q.timeZone}, 'YYYY-MM-DD')`;
  const [perDay, perTarget] = await Promise.all([
    db
      .select({ day, scans: count(), routed: sql<number>`count(${liveCodeScans.targetId})::int` })
      .from(liveCodeScans)
      .where(mine)
      // By position: the day expression carries a bound parameter, which Postgres would not match.
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select({ groupId: liveCodeScans.groupId, scans: count(), returning: sql<number>`count(*) filter (where ${liveCodeScans.returning})::int` })
      .from(liveCodeScans)
      .where(mine)
      .groupBy(liveCodeScans.groupId),
  ]);
  return { perDay, perTarget };
}

/** The images the public page may show: QRs of the targets of the live code behind `slug`. */
export async function getPublicImage(db: DbOrTx, q: { slug: string; uploadId: string }) {
  const [row] = await db
    .select({ workspaceId: uploads.workspaceId, storageKey: uploads.storageKey, mimeType: uploads.mimeType, sizeBytes: uploads.sizeBytes })
    .from(publicCodes)
    .innerJoin(
      liveCodeTargets,
      and(eq(liveCodeTargets.workspaceId, publicCodes.workspaceId), eq(liveCodeTargets.liveCodeId, publicCodes.targetId), eq(liveCodeTargets.qrUploadId, q.uploadId)),
    )
    .innerJoin(uploads, and(eq(uploads.workspaceId, liveCodeTargets.workspaceId), eq(uploads.id, liveCodeTargets.qrUploadId)))
    .where(and(eq(publicCodes.code, q.slug), eq(publicCodes.kind, "live_code")))
    .limit(1);
  return row ?? null;
}

/** Groups and tags the form offers. */
export async function liveCodeFormOptions(db: DbOrTx, q: Key) {
  const [groupRows, tagRows] = await Promise.all([
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.workspaceId, q.workspaceId))
      .orderBy(asc(groups.name))
      .limit(1000),
    db.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.workspaceId, q.workspaceId)).orderBy(asc(tags.name)).limit(1000),
  ]);
  return { groups: groupRows, tags: tagRows };
}
