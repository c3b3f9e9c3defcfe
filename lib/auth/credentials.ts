import "server-only";
import { createHmac } from "node:crypto";
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, signInAttempts, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { newId } from "@/lib/ids";
import { burnPasswordCheck, verifyPassword } from "./password";
import { isLocked, SIGN_IN_WINDOW_MINUTES } from "./rate-limit";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "locked" };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Addresses are kept only as a keyed hash: enough to count failures, useless if leaked. */
export function hashIp(ip: string): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "qunyun").update(ip).digest("hex").slice(0, 32);
}

async function recentFailures(db: Db, email: string, ipHash: string) {
  const since = sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;
  const failed = inArray(signInAttempts.outcome, ["bad_password", "unknown_user"]);
  const [[account], [ip]] = await Promise.all([
    db.select({ n: count() }).from(signInAttempts).where(and(eq(signInAttempts.email, email), failed, gt(signInAttempts.createdAt, since))),
    db.select({ n: count() }).from(signInAttempts).where(and(eq(signInAttempts.ipHash, ipHash), failed, gt(signInAttempts.createdAt, since))),
  ]);
  return { account: account?.n ?? 0, ip: ip?.n ?? 0 };
}

/**
 * Check an e-mail and password, throttled per account and per address. Every attempt is
 * recorded; a failure against a real account is also written to the audit log of each of
 * its workspaces, so owners can see that someone is guessing a colleague's password.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent?: string | null },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const ipHash = hashIp(input.ip);
  const record = (outcome: (typeof signInAttempts.$inferInsert)["outcome"]) =>
    db.insert(signInAttempts).values({ id: newId(), email, ipHash, outcome });

  if (isLocked(await recentFailures(db, email, ipHash))) {
    await record("locked");
    return { ok: false, reason: "locked" };
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user) {
    await burnPasswordCheck(input.password);
    await record("unknown_user");
    return { ok: false, reason: "invalid" };
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ id: newId(), email, ipHash, outcome: "bad_password" });
      const rows = await tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, user.id));
      for (const { workspaceId } of rows) {
        await writeAudit(tx, workspaceId, null, {
          action: "auth.sign_in_failed",
          targetType: "user",
          targetId: user.id,
          data: { email, ipHash },
        });
      }
    });
    return { ok: false, reason: "invalid" };
  }

  const session = await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ id: newId(), email, ipHash, outcome: "success" });
    return createSession(tx, { userId: user.id, userAgent: input.userAgent });
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
