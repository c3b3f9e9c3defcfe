import "server-only";
import { and, asc, count, desc, eq, lt, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { groupMemberships, groups, members, memberScoreHistory, memberTags, tagGroups, tags } from "@/db/schema";
import { memberWhere, type RecallLine } from "./filters";
import type { MemberFilters } from "./schema";

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const at = new Date(iso ?? "");
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

export async function listMembers(db: DbOrTx, q: { workspaceId: string; filters: MemberFilters; recall?: RecallLine; pageSize?: number }) {
  const size = q.pageSize ?? 50;
  const cursor = decodeCursor(q.filters.after);
  const filter = { ...q.filters, recall: q.filters.recall && q.recall ? q.recall : null };
  const where = and(
    memberWhere(q.workspaceId, filter),
    cursor ? and(lte(members.createdAt, cursor.at), or(lt(members.createdAt, cursor.at), and(eq(members.createdAt, cursor.at), lt(members.id, cursor.id)))) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: members.id,
        nickname: members.nickname,
        remark: members.remark,
        phone: members.phone,
        externalId: members.externalId,
        source: members.source,
        activityScore: members.activityScore,
        lastActiveAt: members.lastActiveAt,
        createdAt: members.createdAt,
      })
      .from(members)
      .where(where)
      .orderBy(desc(members.createdAt), desc(members.id))
      .limit(size + 1),
    db.select({ n: count() }).from(members).where(memberWhere(q.workspaceId, filter)),
  ]);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    rows: page,
    total: total?.n ?? 0,
    next: rows.length > size && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}

export async function getMember(db: DbOrTx, q: { workspaceId: string; memberId: string }) {
  const [member] = await db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, q.workspaceId), eq(members.id, q.memberId)))
    .limit(1);
  if (!member) return null;
  const [stays, memberTagRows, history] = await Promise.all([
    db
      .select({
        membershipId: groupMemberships.id,
        groupId: groups.id,
        groupName: groups.name,
        role: groupMemberships.role,
        joinedAt: groupMemberships.joinedAt,
        leftAt: groupMemberships.leftAt,
        joinSource: groupMemberships.joinSource,
      })
      .from(groupMemberships)
      .innerJoin(groups, and(eq(groups.workspaceId, groupMemberships.workspaceId), eq(groups.id, groupMemberships.groupId)))
      .where(and(eq(groupMemberships.workspaceId, q.workspaceId), eq(groupMemberships.memberId, q.memberId)))
      .orderBy(desc(groupMemberships.joinedAt)),
    db
      .select({ id: tags.id, name: tags.name, groupName: tagGroups.name })
      .from(memberTags)
      .innerJoin(tags, and(eq(tags.workspaceId, memberTags.workspaceId), eq(tags.id, memberTags.tagId)))
      .leftJoin(tagGroups, and(eq(tagGroups.workspaceId, tags.workspaceId), eq(tagGroups.id, tags.tagGroupId)))
      .where(and(eq(memberTags.workspaceId, q.workspaceId), eq(memberTags.memberId, q.memberId)))
      .orderBy(asc(tags.name)),
    db
      .select({ day: memberScoreHistory.day, score: memberScoreHistory.score })
      .from(memberScoreHistory)
      .where(and(eq(memberScoreHistory.workspaceId, q.workspaceId), eq(memberScoreHistory.memberId, q.memberId)))
      .orderBy(asc(memberScoreHistory.day))
      .limit(90),
  ]);
  // The timeline is every join and leave, newest first (clicks and orders join it with tracking).
  const timeline = stays
    .flatMap((s) => [
      { kind: "join" as const, at: s.joinedAt, groupName: s.groupName, detail: s.joinSource },
      ...(s.leftAt ? [{ kind: "leave" as const, at: s.leftAt, groupName: s.groupName, detail: null }] : []),
    ])
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return { member, stays, tags: memberTagRows, history, timeline };
}

export async function listTagLibrary(db: DbOrTx, workspaceId: string) {
  const [groupRows, tagRows] = await Promise.all([
    db.select({ id: tagGroups.id, name: tagGroups.name }).from(tagGroups).where(eq(tagGroups.workspaceId, workspaceId)).orderBy(asc(tagGroups.name)),
    db
      .select({ id: tags.id, name: tags.name, tagGroupId: tags.tagGroupId, members: count(memberTags.memberId) })
      .from(tags)
      .leftJoin(memberTags, and(eq(memberTags.workspaceId, tags.workspaceId), eq(memberTags.tagId, tags.id)))
      .where(eq(tags.workspaceId, workspaceId))
      .groupBy(tags.workspaceId, tags.id)
      .orderBy(asc(tags.name)),
  ]);
  return { groups: groupRows, tags: tagRows };
}
