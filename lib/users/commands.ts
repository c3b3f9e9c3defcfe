import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { createWorkspace } from "@/lib/workspaces/commands";
import type { Locale } from "./schema";

export async function createUser(tx: Tx, input: { name: string; email: string; password: string; locale?: Locale }) {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email.toLowerCase())).limit(1);
  if (taken) throw new RuleError("validation.emailTaken", "email");
  const id = newId();
  await tx.insert(users).values({
    id,
    name: input.name,
    email: input.email.toLowerCase(),
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? "zh-CN",
  });
  return { id };
}

/** Sign-up: the person and their first workspace, which they own. */
export async function signUp(tx: Tx, input: { name: string; email: string; password: string; workspaceName: string; locale?: Locale }) {
  const user = await createUser(tx, input);
  const workspace = await createWorkspace(tx, { ownerId: user.id, name: input.workspaceName });
  return { userId: user.id, workspaceId: workspace.id };
}

/** A new password signs out every other session of the user. */
export async function changePassword(
  tx: Tx,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
) {
  const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).for("update");
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new RuleError("validation.wrongPassword", "currentPassword");
  }
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() })
    .where(eq(users.id, input.userId));
  await revokeUserSessions(tx, input.userId, input.sessionId);
}

export async function updateProfile(tx: Tx, input: { userId: string; name: string }) {
  await tx.update(users).set({ name: input.name }).where(eq(users.id, input.userId));
}

export async function setUserLocale(tx: Tx, input: { userId: string; locale: Locale }) {
  await tx.update(users).set({ locale: input.locale }).where(eq(users.id, input.userId));
}
