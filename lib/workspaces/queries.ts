import "server-only";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, invites, memberships, users, workspaces, type Role } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { hashToken } from "./tokens";

export async function getMembership(db: DbOrTx, q: { workspaceId: string; userId: string }) {
  const [row] = await db
    .select({ role: memberships.role, workspace: { id: workspaces.id, name: workspaces.name, timeZone: workspaces.timeZone } })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, q.workspaceId), eq(memberships.userId, q.userId)))
    .limit(1);
  return row ?? null;
}

export async function listUserWorkspaces(db: DbOrTx, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export async function listMembers(db: DbOrTx, workspaceId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export async function listPendingInvites(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        isNull(invites.acceptedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invites.createdAt));
}

export type InviteView = {
  workspaceName: string;
  email: string;
  role: Role;
  inviterName: string | null;
  status: "pending" | "accepted" | "revoked" | "expired";
};

/** An invite as its link shows it; null when the link matches nothing. */
export async function getInviteByToken(db: DbOrTx, q: { workspaceId: string; token: string }): Promise<InviteView | null> {
  const [row] = await db
    .select({
      workspaceName: workspaces.name,
      email: invites.email,
      role: invites.role,
      inviterName: users.name,
      acceptedAt: invites.acceptedAt,
      revokedAt: invites.revokedAt,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .leftJoin(users, eq(users.id, invites.invitedBy))
    .where(and(eq(invites.workspaceId, q.workspaceId), eq(invites.tokenHash, hashToken(q.token))))
    .limit(1);
  if (!row) return null;
  const status = row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : row.expiresAt <= new Date() ? "expired" : "pending";
  return { workspaceName: row.workspaceName, email: row.email, role: row.role, inviterName: row.inviterName, status };
}

export async function listAuditLog(db: DbOrTx, workspaceId: string, limit = 50) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.workspaceId, workspaceId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}

/** The workspace's time zone (workspaces.time_zone, Asia/Shanghai by default): local days and times are read in it. */
export async function workspaceTimeZone(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw new NotFoundError();
  return row.timeZone;
}
