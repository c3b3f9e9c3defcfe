import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invites, memberships, users, workspaces, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { hashToken, INVITE_DAYS, newToken } from "./tokens";

export async function createWorkspace(tx: Tx, input: { ownerId: string; name: string; isDemo?: boolean }) {
  const id = newId();
  await tx.insert(workspaces).values({ id, name: input.name, isDemo: input.isDemo ?? false });
  await tx.insert(memberships).values({ workspaceId: id, userId: input.ownerId, role: "owner" });
  await writeAudit(tx, id, input.ownerId, { action: "workspace.create", targetType: "workspace", targetId: id, data: { name: input.name } });
  return { id };
}

export async function renameWorkspace(tx: Tx, input: { workspaceId: string; name: string }) {
  await tx.update(workspaces).set({ name: input.name }).where(eq(workspaces.id, input.workspaceId));
}

export async function createInvite(tx: Tx, input: { workspaceId: string; email: string; role: Role; invitedBy: string }) {
  const [member] = await tx
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(sql`lower(${users.email})`, input.email)))
    .limit(1);
  if (member) throw new RuleError("errors.alreadyMember", "email");

  // A new invite for the same address replaces the pending one: only the newest link works.
  await tx
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(invites.workspaceId, input.workspaceId), eq(invites.email, input.email), isNull(invites.acceptedAt), isNull(invites.revokedAt)),
    );
  const id = newId();
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000);
  await tx.insert(invites).values({
    workspaceId: input.workspaceId,
    id,
    email: input.email,
    role: input.role,
    tokenHash: hashToken(token),
    invitedBy: input.invitedBy,
    expiresAt,
  });
  return { inviteId: id, token, expiresAt };
}

export async function revokeInvite(tx: Tx, input: { workspaceId: string; inviteId: string }) {
  const rows = await tx
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(eq(invites.workspaceId, input.workspaceId), eq(invites.id, input.inviteId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  if (rows.length === 0) throw new NotFoundError();
}

/**
 * Use an invite link. The invite row is locked so that two tabs cannot both use it; it must be
 * pending, unexpired and addressed to the accepting user's e-mail.
 */
export async function acceptInvite(tx: Tx, input: { workspaceId: string; token: string; userId: string; userEmail: string }) {
  const [invite] = await tx
    .select()
    .from(invites)
    .where(and(eq(invites.workspaceId, input.workspaceId), eq(invites.tokenHash, hashToken(input.token))))
    .for("update")
    .limit(1);
  if (!invite) throw new NotFoundError();
  if (invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) throw new RuleError("errors.inviteUsed");
  if (invite.email.toLowerCase() !== input.userEmail.toLowerCase()) throw new RuleError("errors.inviteOtherEmail");

  await tx
    .insert(memberships)
    .values({ workspaceId: input.workspaceId, userId: input.userId, role: invite.role })
    .onConflictDoNothing();
  await tx
    .update(invites)
    .set({ acceptedAt: new Date(), acceptedBy: input.userId })
    .where(and(eq(invites.workspaceId, input.workspaceId), eq(invites.id, invite.id)));
  await writeAudit(tx, input.workspaceId, input.userId, {
    action: "invite.accept",
    targetType: "invite",
    targetId: invite.id,
    data: { role: invite.role },
  });
  return { role: invite.role };
}

/** Lock the workspace's owner rows and refuse a change that would leave it without an owner. */
async function assertKeepsAnOwner(tx: Tx, workspaceId: string, userId: string) {
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
    .for("update");
  if (owners.length === 1 && owners[0]?.userId === userId) throw new RuleError("errors.lastOwner");
}

async function getMemberRole(tx: Tx, workspaceId: string, userId: string): Promise<Role> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError();
  return row.role;
}

export async function changeMemberRole(tx: Tx, input: { workspaceId: string; userId: string; role: Role }) {
  const previous = await getMemberRole(tx, input.workspaceId, input.userId);
  if (previous === "owner" && input.role !== "owner") await assertKeepsAnOwner(tx, input.workspaceId, input.userId);
  await tx
    .update(memberships)
    .set({ role: input.role })
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
  return { previous };
}

/** Removing a member takes effect at once: every request re-reads the membership. */
export async function removeMember(tx: Tx, input: { workspaceId: string; userId: string }) {
  const role = await getMemberRole(tx, input.workspaceId, input.userId);
  if (role === "owner") await assertKeepsAnOwner(tx, input.workspaceId, input.userId);
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
  return { role };
}

/** Housekeeping for the worker: invites that can no longer be used. */
export async function deleteExpiredInvites(tx: Tx, now = new Date()) {
  const rows = await tx
    .delete(invites)
    .where(and(isNull(invites.acceptedAt), lt(invites.expiresAt, now)))
    .returning({ id: invites.id });
  return rows.length;
}
