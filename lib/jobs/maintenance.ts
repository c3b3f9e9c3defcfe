import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, signInAttempts } from "@/db/schema";
import { deleteExpiredInvites } from "@/lib/workspaces/commands";

/** Remove what can no longer be used: expired sessions and invites, day-old sign-in attempts. */
export async function runCleanup(db: Db, now = new Date()) {
  return db.transaction(async (tx) => {
    const expiredSessions = await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    const expiredInvites = await deleteExpiredInvites(tx, now);
    await tx.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)));
    return { sessions: expiredSessions.length, invites: expiredInvites };
  });
}
