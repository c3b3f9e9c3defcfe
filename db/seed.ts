import { count } from "drizzle-orm";
import { closeDb, getDb } from "./client";
import { memberships, users } from "./schema";
import { createUser } from "@/lib/users/commands";
import { createWorkspace } from "@/lib/workspaces/commands";

export const DEMO_PASSWORD = "qunyun-demo";
export const DEMO_ACCOUNTS = [
  { email: "demo@qunyun.local", name: "示例店主", role: "owner" },
  { email: "operator@qunyun.local", name: "社群运营小王", role: "operator" },
  { email: "viewer@qunyun.local", name: "老板(只读)", role: "viewer" },
] as const;

/**
 * The demo workspace "示例门店 / Demo store", created only on a database with no users yet.
 * Only the launcher's embedded database gets it: a known password never reaches a real server.
 */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const db = getDb();
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const [ownerAccount, ...staff] = DEMO_ACCOUNTS;
    const owner = await createUser(tx, { name: ownerAccount.name, email: ownerAccount.email, password: DEMO_PASSWORD });
    const workspace = await createWorkspace(tx, { ownerId: owner.id, name: "示例门店 / Demo store", isDemo: true });
    for (const account of staff) {
      const user = await createUser(tx, { name: account.name, email: account.email, password: DEMO_PASSWORD });
      await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: account.role });
    }
  });
  return true;
}

export { closeDb };
