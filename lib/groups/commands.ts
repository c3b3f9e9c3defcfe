import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { events, groupMemberships, groupStaff, groups, memberships, members, type GroupStage, type MemberRole } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getPlan } from "@/lib/positioning/queries";
import type { GroupFields } from "./schema";
import { guardUnique } from "@/lib/db-errors";

type Key = { workspaceId: string };

/** Staff must be people of this workspace; anything else is refused, not silently dropped. */
async function assertStaff(tx: Tx, workspaceId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  const found = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
  if (found.length !== new Set(userIds).size) throw new RuleError("validation.notWorkspaceMember", "ownerUserId");
}

async function writeStaff(tx: Tx, workspaceId: string, groupId: string, f: Pick<GroupFields, "ownerUserId" | "adminUserIds">) {
  const admins = f.adminUserIds.filter((id) => id !== f.ownerUserId);
  await assertStaff(tx, workspaceId, [...(f.ownerUserId ? [f.ownerUserId] : []), ...admins]);
  await tx.delete(groupStaff).where(and(eq(groupStaff.workspaceId, workspaceId), eq(groupStaff.groupId, groupId)));
  const rows = [
    ...(f.ownerUserId ? [{ workspaceId, groupId, userId: f.ownerUserId, role: "owner" as const }] : []),
    ...[...new Set(admins)].map((userId) => ({ workspaceId, groupId, userId, role: "admin" as const })),
  ];
  if (rows.length) await tx.insert(groupStaff).values(rows);
}

/**
 * Fill what the form left empty from the group's positioning plan: its type, its threshold, and
 * for a flash group the plan's end date (DOMAIN.md §1: flash groups live for one campaign).
 */
async function inheritFromPlan(tx: Tx, workspaceId: string, f: GroupFields): Promise<GroupFields> {
  if (!f.positioningId) return f;
  const plan = await getPlan(tx, { workspaceId, planId: f.positioningId });
  if (!plan) throw new RuleError("validation.planNotFound", "positioningId");
  const a = plan.answers;
  const type = f.communityType ?? a.typeThreshold.communityType;
  const flash = type === "flash" || a.fiveW1H.when.lifecycle === "flash";
  return {
    ...f,
    communityType: type,
    entryThreshold: f.entryThreshold ?? a.typeThreshold.threshold,
    plannedEnd: f.plannedEnd ?? (flash ? a.fiveW1H.when.endDate : null),
  };
}

const GROUP_KEYS: Record<string, [string, string]> = {
  groups_name_key: ["validation.groupNameTaken", "name"],
  groups_external_chat_key: ["validation.chatIdTaken", "externalChatId"],
};

/** The group's own columns from the form's fields (staff live in group_staff). */
function groupColumns(f: GroupFields) {
  return {
    name: f.name,
    communityType: f.communityType,
    positioningId: f.positioningId,
    stage: f.stage,
    plannedEnd: f.plannedEnd,
    entryThreshold: f.entryThreshold,
    capacity: f.capacity,
    externalChatId: f.externalChatId,
    notes: f.notes,
  };
}

export async function createGroup(tx: Tx, input: Key & { fields: GroupFields }) {
  const f = await inheritFromPlan(tx, input.workspaceId, input.fields);
  const id = newId();
  await guardUnique(() =>
    tx.insert(groups).values({ workspaceId: input.workspaceId, id, ...groupColumns(f) }),
    GROUP_KEYS,
  );
  await writeStaff(tx, input.workspaceId, id, f);
  return { groupId: id };
}

export async function updateGroup(tx: Tx, input: Key & { groupId: string; fields: GroupFields }) {
  const f = await inheritFromPlan(tx, input.workspaceId, input.fields);
  const rows = await guardUnique(() =>
    tx
      .update(groups)
      .set({ ...groupColumns(f), updatedAt: new Date() })
      .where(and(eq(groups.workspaceId, input.workspaceId), eq(groups.id, input.groupId)))
      .returning({ id: groups.id }),
    GROUP_KEYS,
  );
  if (rows.length === 0) throw new NotFoundError();
  await writeStaff(tx, input.workspaceId, input.groupId, f);
  return { groupId: input.groupId };
}

/** Move many groups to one lifecycle stage; ids of another workspace make the whole change not found. */
export async function setGroupsStage(tx: Tx, input: Key & { groupIds: string[]; stage: GroupStage }) {
  const ids = [...new Set(input.groupIds)];
  const rows = await tx
    .update(groups)
    .set({ stage: input.stage, updatedAt: new Date() })
    .where(and(eq(groups.workspaceId, input.workspaceId), inArray(groups.id, ids)))
    .returning({ id: groups.id });
  if (rows.length !== ids.length) throw new NotFoundError();
  return { count: rows.length };
}

async function assertGroup(tx: Tx, workspaceId: string, groupId: string) {
  const [row] = await tx
    .select({ id: groups.id, capacity: groups.capacity })
    .from(groups)
    .where(and(eq(groups.workspaceId, workspaceId), eq(groups.id, groupId)))
    .limit(1);
  if (!row) throw new NotFoundError();
  return row;
}

type Person = { nickname: string; phone: string | null; externalId: string | null };

/** Find a person as imports do (external id, else phone, else nickname within this group), or create them. */
export async function findOrCreateMember(tx: Tx, input: Key & { groupId: string; person: Person; source?: string | null }) {
  const { workspaceId, person } = input;
  const live = isNull(members.mergedIntoId);
  const byKey = person.externalId
    ? and(eq(members.externalId, person.externalId), live)
    : person.phone
      ? and(eq(members.phone, person.phone), live)
      : and(
          eq(members.nickname, person.nickname),
          live,
          sql`exists (select 1 from ${groupMemberships} gm where gm.workspace_id = ${members.workspaceId} and gm.member_id = ${members.id} and gm.group_id = ${input.groupId})`,
        );
  const [found] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), byKey))
    .limit(1);
  if (found) return { memberId: found.id, created: false };
  const id = newId();
  await tx.insert(members).values({ workspaceId, id, nickname: person.nickname, phone: person.phone, externalId: person.externalId, source: input.source ?? null });
  return { memberId: id, created: true };
}

export async function addRosterMember(
  tx: Tx,
  input: Key & { groupId: string; person: Person; role: MemberRole; isStaff: boolean; joinSource: string | null },
) {
  await assertGroup(tx, input.workspaceId, input.groupId);
  const { memberId } = await findOrCreateMember(tx, { ...input, source: input.joinSource });
  const id = newId();
  const inserted = await tx
    .insert(groupMemberships)
    .values({ workspaceId: input.workspaceId, id, groupId: input.groupId, memberId, role: input.role, isStaff: input.isStaff, joinSource: input.joinSource })
    .onConflictDoNothing()
    .returning({ id: groupMemberships.id });
  if (inserted.length === 0) throw new RuleError("validation.alreadyInGroup", "nickname");
  await recordStayEvent(tx, input.workspaceId, { kind: "join", membershipId: id, memberId, groupId: input.groupId, at: new Date() });
  return { membershipId: id, memberId };
}

/** Joins and leaves are events too: the activity score and the data area read them from there. */
export async function recordStayEvent(tx: Tx, workspaceId: string, e: { kind: "join" | "leave"; membershipId: string; memberId: string; groupId: string; at: Date }) {
  await tx
    .insert(events)
    .values({ workspaceId, id: newId(), kind: e.kind, occurredAt: e.at, memberId: e.memberId, groupId: e.groupId, idempotencyKey: `${e.kind}:${e.membershipId}` })
    .onConflictDoNothing();
}

/** Leaving keeps the row: the roster's history and the member's timeline still show it. */
export async function removeFromRoster(tx: Tx, input: Key & { groupId: string; membershipId: string }) {
  const rows = await tx
    .update(groupMemberships)
    .set({ leftAt: new Date() })
    .where(
      and(
        eq(groupMemberships.workspaceId, input.workspaceId),
        eq(groupMemberships.groupId, input.groupId),
        eq(groupMemberships.id, input.membershipId),
        isNull(groupMemberships.leftAt),
      ),
    )
    .returning({ id: groupMemberships.id, memberId: groupMemberships.memberId, leftAt: groupMemberships.leftAt });
  const [left] = rows;
  if (!left) throw new NotFoundError();
  await recordStayEvent(tx, input.workspaceId, { kind: "leave", membershipId: left.id, memberId: left.memberId, groupId: input.groupId, at: left.leftAt ?? new Date() });
}

export async function changeRosterRole(tx: Tx, input: Key & { groupId: string; membershipId: string; role: MemberRole }) {
  const rows = await tx
    .update(groupMemberships)
    .set({ role: input.role })
    .where(and(eq(groupMemberships.workspaceId, input.workspaceId), eq(groupMemberships.groupId, input.groupId), eq(groupMemberships.id, input.membershipId)))
    .returning({ id: groupMemberships.id });
  if (rows.length === 0) throw new NotFoundError();
}
