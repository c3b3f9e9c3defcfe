import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { groupMemberships, members, memberScoreHistory, memberTags, tagGroups, tags } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { memberWhere } from "./filters";
import { isUniqueViolation } from "@/lib/db-errors";

type Key = { workspaceId: string };

export async function createTagGroup(tx: Tx, input: Key & { name: string }) {
  const id = newId();
  try {
    await tx.insert(tagGroups).values({ workspaceId: input.workspaceId, id, name: input.name });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError("validation.tagTaken", "name");
    throw error;
  }
  return { id };
}

export async function createTag(tx: Tx, input: Key & { name: string; tagGroupId: string | null }) {
  if (input.tagGroupId) {
    const [g] = await tx.select({ id: tagGroups.id }).from(tagGroups).where(and(eq(tagGroups.workspaceId, input.workspaceId), eq(tagGroups.id, input.tagGroupId)));
    if (!g) throw new NotFoundError();
  }
  const id = newId();
  const rows = await tx.insert(tags).values({ workspaceId: input.workspaceId, id, name: input.name, tagGroupId: input.tagGroupId }).onConflictDoNothing().returning({ id: tags.id });
  if (rows.length === 0) throw new RuleError("validation.tagTaken", "name");
  return { id };
}

export async function deleteTag(tx: Tx, input: Key & { tagId: string }) {
  const rows = await tx.delete(tags).where(and(eq(tags.workspaceId, input.workspaceId), eq(tags.id, input.tagId))).returning({ id: tags.id });
  if (rows.length === 0) throw new NotFoundError();
}

/**
 * The tag ids for "group:name" pairs, creating missing tags and tag groups. Used by imports,
 * where a cell like "兴趣:咖啡,VIP" names tags that may not exist yet.
 */
export async function ensureTags(tx: Tx, workspaceId: string, wanted: { group: string | null; name: string }[]): Promise<Map<string, string>> {
  const keyOf = (group: string | null, name: string) => `${group ?? ""}\u0000${name}`;
  const out = new Map<string, string>();
  const groupNames = [...new Set(wanted.map((w) => w.group).filter((g): g is string => !!g))];
  if (groupNames.length) {
    await tx
      .insert(tagGroups)
      .values(groupNames.map((name) => ({ workspaceId, id: newId(), name })))
      .onConflictDoNothing();
  }
  const groupRows = groupNames.length
    ? await tx.select({ id: tagGroups.id, name: tagGroups.name }).from(tagGroups).where(and(eq(tagGroups.workspaceId, workspaceId), inArray(tagGroups.name, groupNames)))
    : [];
  const groupId = new Map(groupRows.map((g) => [g.name, g.id]));
  const unique = [...new Map(wanted.map((w) => [keyOf(w.group, w.name), w])).values()];
  if (unique.length) {
    await tx
      .insert(tags)
      .values(unique.map((w) => ({ workspaceId, id: newId(), name: w.name, tagGroupId: w.group ? (groupId.get(w.group) ?? null) : null })))
      .onConflictDoNothing();
    const rows = await tx
      .select({ id: tags.id, name: tags.name, tagGroupId: tags.tagGroupId })
      .from(tags)
      .where(and(eq(tags.workspaceId, workspaceId), inArray(tags.name, unique.map((w) => w.name))));
    const groupName = new Map(groupRows.map((g) => [g.id, g.name]));
    for (const r of rows) out.set(keyOf(r.tagGroupId ? (groupName.get(r.tagGroupId) ?? null) : null, r.name), r.id);
  }
  return out;
}

async function assertMember(tx: Tx, workspaceId: string, memberId: string) {
  const [m] = await tx.select({ id: members.id }).from(members).where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId), isNull(members.mergedIntoId)));
  if (!m) throw new NotFoundError();
}

async function assertTag(tx: Tx, workspaceId: string, tagId: string) {
  const [t] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, tagId)));
  if (!t) throw new NotFoundError();
}

export async function tagMember(tx: Tx, input: Key & { memberId: string; tagId: string; on: boolean }) {
  await assertMember(tx, input.workspaceId, input.memberId);
  await assertTag(tx, input.workspaceId, input.tagId);
  if (input.on) await tx.insert(memberTags).values({ workspaceId: input.workspaceId, memberId: input.memberId, tagId: input.tagId }).onConflictDoNothing();
  else await tx.delete(memberTags).where(and(eq(memberTags.workspaceId, input.workspaceId), eq(memberTags.memberId, input.memberId), eq(memberTags.tagId, input.tagId)));
}

/** One statement for the whole filtered list, however long: no row-by-row loop. */
export async function bulkTag(tx: Tx, input: Key & { tagId: string; op: "add" | "remove"; filter: Parameters<typeof memberWhere>[1] }) {
  await assertTag(tx, input.workspaceId, input.tagId);
  const where = memberWhere(input.workspaceId, input.filter);
  if (input.op === "add") {
    const result = await tx.execute(sql`
      insert into ${memberTags} (workspace_id, member_id, tag_id)
      select ${members.workspaceId}, ${members.id}, ${input.tagId}::uuid from ${members} where ${where}
      on conflict do nothing`);
    return { count: result.count ?? 0 };
  }
  const result = await tx.execute(sql`
    delete from ${memberTags} where workspace_id = ${input.workspaceId} and tag_id = ${input.tagId}
      and member_id in (select ${members.id} from ${members} where ${where})`);
  return { count: result.count ?? 0 };
}

/**
 * Merge `mergeId` into `keepId`: group stays, tags and score history move over, blank identity
 * fields are filled from the merged record, and the merged record stays, pointing at the kept one.
 */
export async function mergeMembers(tx: Tx, input: Key & { keepId: string; mergeId: string }) {
  const rows = await tx
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, input.workspaceId), inArray(members.id, [input.keepId, input.mergeId]), isNull(members.mergedIntoId)))
    .for("update");
  const keep = rows.find((r) => r.id === input.keepId);
  const merge = rows.find((r) => r.id === input.mergeId);
  if (!keep || !merge) throw new NotFoundError();
  const ws = input.workspaceId;
  // Free the merged record's unique identity first, then give the kept one what it lacks.
  await tx.update(members).set({ mergedIntoId: keep.id }).where(and(eq(members.workspaceId, ws), eq(members.id, merge.id)));
  await tx
    .update(members)
    .set({
      externalId: keep.externalId ?? merge.externalId,
      phone: keep.phone ?? merge.phone,
      nickname: keep.nickname || merge.nickname,
      remark: [keep.remark, merge.remark].filter(Boolean).join(" / "),
      activityScore: Math.max(keep.activityScore, merge.activityScore),
      lastActiveAt: [keep.lastActiveAt, merge.lastActiveAt].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
    })
    .where(and(eq(members.workspaceId, ws), eq(members.id, keep.id)));
  // A stay in a group both were in would break "one open stay per group": close the duplicate.
  await tx.execute(sql`
    update ${groupMemberships} gm set left_at = coalesce(gm.left_at, now())
    where gm.workspace_id = ${ws} and gm.member_id = ${merge.id} and gm.left_at is null
      and exists (select 1 from ${groupMemberships} k where k.workspace_id = ${ws} and k.member_id = ${keep.id} and k.group_id = gm.group_id and k.left_at is null)`);
  const moved = await tx
    .update(groupMemberships)
    .set({ memberId: keep.id })
    .where(and(eq(groupMemberships.workspaceId, ws), eq(groupMemberships.memberId, merge.id)))
    .returning({ id: groupMemberships.id });
  await tx.execute(sql`
    insert into ${memberTags} (workspace_id, member_id, tag_id, created_at)
    select workspace_id, ${keep.id}::uuid, tag_id, created_at from ${memberTags} where workspace_id = ${ws} and member_id = ${merge.id}
    on conflict do nothing`);
  await tx.delete(memberTags).where(and(eq(memberTags.workspaceId, ws), eq(memberTags.memberId, merge.id)));
  await tx.execute(sql`
    insert into ${memberScoreHistory} (workspace_id, member_id, day, score)
    select workspace_id, ${keep.id}::uuid, day, score from ${memberScoreHistory} where workspace_id = ${ws} and member_id = ${merge.id}
    on conflict (workspace_id, member_id, day) do update set score = greatest(${memberScoreHistory}.score, excluded.score)`);
  return { keepId: keep.id, movedStays: moved.length };
}
