import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { memberSearch } from "@/lib/members/filters";
import type { DbOrTx } from "@/db/client";
import { groupMemberships, groupStaff, groups, members, memberTags, positionings, tags, users } from "@/db/schema";
import { PAGE_SIZE, type GroupFilters, type RosterFilters } from "./schema";

const openCount = sql<number>`(select count(*)::int from ${groupMemberships} gm where gm.workspace_id = ${groups.workspaceId} and gm.group_id = ${groups.id} and gm.left_at is null)`;

export async function listGroups(db: DbOrTx, q: { workspaceId: string; filters: GroupFilters }) {
  const f = q.filters;
  const where: (SQL | undefined)[] = [eq(groups.workspaceId, q.workspaceId)];
  if (f.type) where.push(eq(groups.communityType, f.type));
  if (f.stage) where.push(eq(groups.stage, f.stage));
  else where.push(sql`${groups.stage} <> 'archived'`);
  if (f.plan) where.push(eq(groups.positioningId, f.plan));
  if (f.q) where.push(ilike(groups.name, `%${f.q.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.owner) {
    where.push(
      sql`exists (select 1 from ${groupStaff} s where s.workspace_id = ${groups.workspaceId} and s.group_id = ${groups.id} and s.user_id = ${f.owner} and s.role = 'owner')`,
    );
  }
  const order = { updated: [desc(groups.updatedAt)], name: [asc(groups.name)], created: [desc(groups.createdAt)], members: [desc(openCount)] }[f.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: groups.id,
        name: groups.name,
        communityType: groups.communityType,
        stage: groups.stage,
        plannedEnd: groups.plannedEnd,
        capacity: groups.capacity,
        planId: groups.positioningId,
        planName: positionings.name,
        memberCount: openCount,
        updatedAt: groups.updatedAt,
      })
      .from(groups)
      .leftJoin(positionings, and(eq(positionings.workspaceId, groups.workspaceId), eq(positionings.id, groups.positioningId)))
      .where(and(...where))
      .orderBy(...order, asc(groups.id))
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(groups).where(and(...where)),
  ]);
  const staff = rows.length
    ? await db
        .select({ groupId: groupStaff.groupId, name: users.name, role: groupStaff.role })
        .from(groupStaff)
        .innerJoin(users, eq(users.id, groupStaff.userId))
        .where(and(eq(groupStaff.workspaceId, q.workspaceId), inArray(groupStaff.groupId, rows.map((r) => r.id)), eq(groupStaff.role, "owner")))
    : [];
  return {
    rows: rows.map((r) => ({ ...r, ownerName: staff.find((s) => s.groupId === r.id)?.name ?? null })),
    total: total?.n ?? 0,
    pages: Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE)),
  };
}

export async function getGroup(db: DbOrTx, q: { workspaceId: string; groupId: string }) {
  const [row] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.workspaceId, q.workspaceId), eq(groups.id, q.groupId)))
    .limit(1);
  if (!row) return null;
  const staff = await db
    .select({ userId: groupStaff.userId, role: groupStaff.role, name: users.name })
    .from(groupStaff)
    .innerJoin(users, eq(users.id, groupStaff.userId))
    .where(and(eq(groupStaff.workspaceId, q.workspaceId), eq(groupStaff.groupId, q.groupId)));
  return {
    ...row,
    ownerUserId: staff.find((s) => s.role === "owner")?.userId ?? null,
    adminUserIds: staff.filter((s) => s.role === "admin").map((s) => s.userId),
    staff,
  };
}

/** A keyset cursor over (joined_at, id), newest first: page 4,000 costs what page 1 does. */
export function encodeCursor(joinedAt: Date, id: string): string {
  return Buffer.from(`${joinedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { joinedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const joinedAt = new Date(iso ?? "");
  return id && !Number.isNaN(joinedAt.getTime()) ? { joinedAt, id } : null;
}

export async function listRoster(db: DbOrTx, q: { workspaceId: string; groupId: string; filters: RosterFilters; pageSize?: number }) {
  const f = q.filters;
  const size = q.pageSize ?? 50;
  const where: (SQL | undefined)[] = [eq(groupMemberships.workspaceId, q.workspaceId), eq(groupMemberships.groupId, q.groupId)];
  if (f.status === "current") where.push(isNull(groupMemberships.leftAt));
  if (f.status === "left") where.push(isNotNull(groupMemberships.leftAt));
  if (f.role) where.push(eq(groupMemberships.role, f.role));
  // Search finds the matching members first (trigram index or one pass over search_text), then
  // walks the roster against that set: far cheaper than looking up each roster row's member.
  // ("offset 0" keeps PostgreSQL from flattening it back into a per-row lookup.)
  if (f.q) {
    const matching = and(eq(members.workspaceId, q.workspaceId), memberSearch(f.q));
    where.push(sql`${groupMemberships.memberId} in (select ${members.id} from ${members} where ${matching} offset 0)`);
  }
  const cursor = decodeCursor(f.after);
  if (cursor) {
    // The redundant "joined_at <= x" lets the roster index seek to the page instead of walking to it.
    where.push(
      lte(groupMemberships.joinedAt, cursor.joinedAt),
      or(lt(groupMemberships.joinedAt, cursor.joinedAt), and(eq(groupMemberships.joinedAt, cursor.joinedAt), lt(groupMemberships.id, cursor.id))),
    );
  }
  const rows = await db
    .select({
      membershipId: groupMemberships.id,
      memberId: members.id,
      nickname: members.nickname,
      remark: members.remark,
      phone: members.phone,
      role: groupMemberships.role,
      isStaff: groupMemberships.isStaff,
      joinedAt: groupMemberships.joinedAt,
      joinSource: groupMemberships.joinSource,
      leftAt: groupMemberships.leftAt,
      activityScore: members.activityScore,
      lastActiveAt: members.lastActiveAt,
    })
    .from(groupMemberships)
    .innerJoin(members, and(eq(members.workspaceId, groupMemberships.workspaceId), eq(members.id, groupMemberships.memberId)))
    .where(and(...where))
    .orderBy(desc(groupMemberships.joinedAt), desc(groupMemberships.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const tagRows = page.length
    ? await db
        .select({ memberId: memberTags.memberId, name: tags.name })
        .from(memberTags)
        .innerJoin(tags, and(eq(tags.workspaceId, memberTags.workspaceId), eq(tags.id, memberTags.tagId)))
        .where(and(eq(memberTags.workspaceId, q.workspaceId), inArray(memberTags.memberId, page.map((r) => r.memberId))))
    : [];
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({ ...r, tags: tagRows.filter((t) => t.memberId === r.memberId).map((t) => t.name) })),
    next: rows.length > size && last ? encodeCursor(last.joinedAt, last.membershipId) : null,
  };
}

export async function countOpenMembers(db: DbOrTx, q: { workspaceId: string; groupId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.workspaceId, q.workspaceId), eq(groupMemberships.groupId, q.groupId), isNull(groupMemberships.leftAt)));
  return row?.n ?? 0;
}
