import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMemberships, groups, members, memberTags, tagGroups, tags, type GroupMembership, type Member } from "@/db/schema";
import { formatTags } from "./export/cells";
import { memberWhere, type RecallLine } from "./filters";

const PAGE = 2000;

async function tagsOf(db: Db, workspaceId: string, memberIds: string[]) {
  if (memberIds.length === 0) return new Map<string, { group: string | null; name: string }[]>();
  const rows = await db
    .select({ memberId: memberTags.memberId, name: tags.name, group: tagGroups.name })
    .from(memberTags)
    .innerJoin(tags, and(eq(tags.workspaceId, memberTags.workspaceId), eq(tags.id, memberTags.tagId)))
    .leftJoin(tagGroups, and(eq(tagGroups.workspaceId, tags.workspaceId), eq(tagGroups.id, tags.tagGroupId)))
    .where(and(eq(memberTags.workspaceId, workspaceId), inArray(memberTags.memberId, memberIds)));
  const out = new Map<string, { group: string | null; name: string }[]>();
  for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), { group: r.group, name: r.name }]);
  return out;
}

export const MEMBER_EXPORT_COLUMNS = ["nickname", "remark", "phone", "externalId", "source", "score", "tags", "createdAt"] as const;

/** Every member the list's filter matches, a page at a time, so a 100,000-row export streams. */
export async function* memberExportRows(db: Db, q: { workspaceId: string; filter: { q?: string; tag?: string | null; group?: string | null; recall?: RecallLine | null } }) {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after ? or(lt(members.createdAt, after.at), and(eq(members.createdAt, after.at), lt(members.id, after.id))) : undefined;
    const page: Member[] = await db
      .select()
      .from(members)
      .where(and(memberWhere(q.workspaceId, q.filter), cursor))
      .orderBy(desc(members.createdAt), desc(members.id))
      .limit(PAGE);
    const tagMap = await tagsOf(db, q.workspaceId, page.map((m) => m.id));
    for (const m of page) {
      yield [m.nickname, m.remark, m.phone, m.externalId, m.source, Math.round(m.activityScore), formatTags(tagMap.get(m.id) ?? []), m.createdAt];
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) return;
    after = { at: last.createdAt, id: last.id };
  }
}

export const ROSTER_EXPORT_COLUMNS = ["nickname", "remark", "phone", "externalId", "role", "isStaff", "joinedAt", "joinSource", "addedBy", "leftAt", "score", "tags"] as const;

/** A group's roster (current members, or everyone who was ever in it) in join order. */
export async function* rosterExportRows(db: Db, q: { workspaceId: string; groupId: string; includeLeft: boolean; roleLabel: (role: string) => string }) {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const page: { m: Member; s: GroupMembership }[] = await db
      .select({ m: members, s: groupMemberships })
      .from(groupMemberships)
      .innerJoin(members, and(eq(members.workspaceId, groupMemberships.workspaceId), eq(members.id, groupMemberships.memberId)))
      .innerJoin(groups, and(eq(groups.workspaceId, groupMemberships.workspaceId), eq(groups.id, groupMemberships.groupId)))
      .where(
        and(
          eq(groupMemberships.workspaceId, q.workspaceId),
          eq(groupMemberships.groupId, q.groupId),
          q.includeLeft ? sql`true` : isNull(groupMemberships.leftAt),
          after ? or(gt(groupMemberships.joinedAt, after.at), and(eq(groupMemberships.joinedAt, after.at), gt(groupMemberships.id, after.id))) : undefined,
        ),
      )
      .orderBy(asc(groupMemberships.joinedAt), asc(groupMemberships.id))
      .limit(PAGE);
    const tagMap = await tagsOf(db, q.workspaceId, page.map((r) => r.m.id));
    for (const { m, s } of page) {
      yield [m.nickname, m.remark, m.phone, m.externalId, q.roleLabel(s.role), s.isStaff ? "✓" : "", s.joinedAt, s.joinSource, s.addedBy, s.leftAt, Math.round(m.activityScore), formatTags(tagMap.get(m.id) ?? [])];
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) return;
    after = { at: last.s.joinedAt, id: last.s.id };
  }
}
