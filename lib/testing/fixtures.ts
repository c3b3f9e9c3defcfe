/**
 * Helpers for integration tests: each test file makes its own people and workspaces, so files
 * can run in parallel against one database and never share rows that a test changes.
 */
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { createSession } from "@/lib/auth/sessions";
import { createUser } from "@/lib/users/commands";
import { createWorkspace } from "@/lib/workspaces/commands";

export const TEST_PASSWORD = "correct horse battery";

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function makeUser(label: string, password = TEST_PASSWORD) {
  const email = uniqueEmail(label);
  const { id } = await getDb().transaction((tx) => createUser(tx, { name: label, email, password }));
  return { id, email, name: label, password };
}

/** A workspace with one person in each role. */
export async function makeWorkspace(label: string) {
  const [owner, operator, viewer] = await Promise.all([makeUser(`${label}-owner`), makeUser(`${label}-operator`), makeUser(`${label}-viewer`)]);
  const { id: workspaceId } = await getDb().transaction((tx) => createWorkspace(tx, { ownerId: owner.id, name: label }));
  await getDb().insert(memberships).values([
    { workspaceId, userId: operator.id, role: "operator" },
    { workspaceId, userId: viewer.id, role: "viewer" },
  ]);
  return { workspaceId, owner, operator, viewer };
}

/** A real session row for a user, as sign-in would make it. */
export async function sessionFor(user: { id: string; email: string; name: string }): Promise<Session> {
  const { id } = await createSession(getDb(), { userId: user.id });
  return { sessionId: id, user: { id: user.id, email: user.email, name: user.name, locale: "zh-CN" } };
}
