import "server-only";
import { and, eq, gt, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { newId } from "@/lib/ids";

export const SESSION_DAYS = 30;

export async function createSession(db: DbOrTx, input: { userId: string; userAgent?: string | null }) {
  const id = newId();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.insert(sessions).values({ id, userId: input.userId, expiresAt, userAgent: input.userAgent?.slice(0, 300) });
  return { id, expiresAt };
}

export type SessionUser = { id: string; email: string; name: string; locale: string };

/** The live session and its user, or null when revoked, expired or unknown. */
export async function getActiveSession(db: DbOrTx, sessionId: string): Promise<{ sessionId: string; user: SessionUser } | null> {
  const [row] = await db
    .select({ sessionId: sessions.id, id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const { sessionId: sid, ...user } = row;
  return { sessionId: sid, user };
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Revoke every session of a user except, optionally, the one making the change. */
export async function revokeUserSessions(db: DbOrTx, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}
