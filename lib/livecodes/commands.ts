import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { groupMemberships, groups, liveCodes, liveCodeTags, liveCodeTargets, publicCodes, tags, uploads } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { expiresAtFromDay } from "./dates";
import type { LiveCodeFields, TargetInput } from "./schema";
import { guardUnique } from "@/lib/db-errors";
import { workspaceTimeZone } from "@/lib/workspaces/queries";

type Key = { workspaceId: string };

/** 8 characters of a-z0-9: about 2.8 × 10¹² codes, short enough for a poster's caption. */
function randomSlug(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: people retype these
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join("");
}

function guardName<T>(run: () => Promise<T>): Promise<T> {
  return guardUnique(run, { live_codes_name_key: ["liveCodeErrors.nameTaken", "name"] });
}

/** Groups, tags and images named by the form must be this workspace's; anything else is refused. */
async function assertOwnRows(tx: Tx, workspaceId: string, f: Pick<LiveCodeFields, "tagIds" | "targets">) {
  const groupIds = f.targets.map((t) => t.groupId);
  const uploadIds = [...new Set(f.targets.flatMap((t) => (t.qrUploadId ? [t.qrUploadId] : [])))];
  const tagIds = [...new Set(f.tagIds)];
  const [[g], [u], [tg]] = await Promise.all([
    tx.select({ n: count() }).from(groups).where(and(eq(groups.workspaceId, workspaceId), inArray(groups.id, groupIds))),
    uploadIds.length ? tx.select({ n: count() }).from(uploads).where(and(eq(uploads.workspaceId, workspaceId), inArray(uploads.id, uploadIds))) : [{ n: 0 }],
    tagIds.length ? tx.select({ n: count() }).from(tags).where(and(eq(tags.workspaceId, workspaceId), inArray(tags.id, tagIds))) : [{ n: 0 }],
  ]);
  if (g?.n !== groupIds.length) throw new RuleError("liveCodeErrors.groupNotFound", "targets");
  if (u?.n !== uploadIds.length) throw new RuleError("liveCodeErrors.uploadNotFound", "targets");
  if (tg?.n !== tagIds.length) throw new RuleError("liveCodeErrors.tagNotFound", "tagIds");
}

async function rosterSize(tx: Tx, workspaceId: string, groupId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.workspaceId, workspaceId), eq(groupMemberships.groupId, groupId), isNull(groupMemberships.leftAt)));
  return row?.n ?? 0;
}

const qrColumns = (t: TargetInput, timeZone: string) => ({
  qrUploadId: t.qrUploadId,
  qrExpiresAt: t.qrUploadId && t.qrExpiresOn ? expiresAtFromDay(t.qrExpiresOn, timeZone) : null,
});

/**
 * Make the code's targets match the form, in its order. A group that stays keeps its counts; a
 * new one starts from the members its roster already has (the capacity counts members).
 */
async function syncTargets(tx: Tx, workspaceId: string, liveCodeId: string, targets: TargetInput[]) {
  const timeZone = await workspaceTimeZone(tx, workspaceId);
  const mine = and(eq(liveCodeTargets.workspaceId, workspaceId), eq(liveCodeTargets.liveCodeId, liveCodeId));
  await tx.delete(liveCodeTargets).where(and(mine, notInArray(liveCodeTargets.groupId, targets.map((t) => t.groupId))));
  const existing = await tx.select({ id: liveCodeTargets.id, groupId: liveCodeTargets.groupId }).from(liveCodeTargets).where(mine);
  for (const [position, t] of targets.entries()) {
    const found = existing.find((e) => e.groupId === t.groupId);
    if (found) {
      await tx.update(liveCodeTargets).set({ position, ...qrColumns(t, timeZone) }).where(and(mine, eq(liveCodeTargets.id, found.id)));
    } else {
      const startMembers = await rosterSize(tx, workspaceId, t.groupId);
      await tx.insert(liveCodeTargets).values({ workspaceId, id: newId(), liveCodeId, groupId: t.groupId, position, startMembers, ...qrColumns(t, timeZone) });
    }
  }
}

async function writeTags(tx: Tx, workspaceId: string, liveCodeId: string, tagIds: string[]) {
  await tx.delete(liveCodeTags).where(and(eq(liveCodeTags.workspaceId, workspaceId), eq(liveCodeTags.liveCodeId, liveCodeId)));
  const rows = [...new Set(tagIds)].map((tagId) => ({ workspaceId, liveCodeId, tagId }));
  if (rows.length) await tx.insert(liveCodeTags).values(rows);
}

export async function createLiveCode(tx: Tx, input: Key & { userId: string; fields: LiveCodeFields }) {
  const { workspaceId, fields: f } = input;
  await assertOwnRows(tx, workspaceId, f);
  const id = newId();
  const slug = f.slug || randomSlug();
  // The slug is global (public URLs carry nothing else), so it is claimed in public_codes first.
  const claimed = await tx.insert(publicCodes).values({ code: slug, workspaceId, kind: "live_code", targetId: id }).onConflictDoNothing().returning({ code: publicCodes.code });
  if (claimed.length === 0) throw new RuleError("liveCodeErrors.slugTaken", "slug");
  await guardName(() =>
    tx.insert(liveCodes).values({ workspaceId, id, slug, name: f.name, channel: f.channel, capacity: f.capacity, welcomeMessage: f.welcomeMessage, createdBy: input.userId }),
  );
  await writeTags(tx, workspaceId, id, f.tagIds);
  await syncTargets(tx, workspaceId, id, f.targets);
  return { liveCodeId: id, slug };
}

export async function updateLiveCode(tx: Tx, input: Key & { liveCodeId: string; fields: Omit<LiveCodeFields, "slug"> }) {
  const { workspaceId, liveCodeId, fields: f } = input;
  // Locks the row the public page locks while routing, so a scan never sees half an edit.
  const rows = await guardName(() =>
    tx
      .update(liveCodes)
      .set({ name: f.name, channel: f.channel, capacity: f.capacity, welcomeMessage: f.welcomeMessage, exhaustedAt: null, updatedAt: new Date() })
      .where(and(eq(liveCodes.workspaceId, workspaceId), eq(liveCodes.id, liveCodeId)))
      .returning({ id: liveCodes.id }),
  );
  if (rows.length === 0) throw new NotFoundError();
  await assertOwnRows(tx, workspaceId, f);
  await writeTags(tx, workspaceId, liveCodeId, f.tagIds);
  await syncTargets(tx, workspaceId, liveCodeId, f.targets);
  return { liveCodeId };
}

/** Deleting a code frees its slug; its scans go with it (they only describe this code). */
export async function deleteLiveCode(tx: Tx, input: Key & { liveCodeId: string }) {
  const rows = await tx
    .delete(liveCodes)
    .where(and(eq(liveCodes.workspaceId, input.workspaceId), eq(liveCodes.id, input.liveCodeId)))
    .returning({ slug: liveCodes.slug });
  const [row] = rows;
  if (!row) throw new NotFoundError();
  await tx.delete(publicCodes).where(and(eq(publicCodes.code, row.slug), eq(publicCodes.workspaceId, input.workspaceId)));
  return { slug: row.slug };
}
