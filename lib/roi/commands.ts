import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { costs, groups, positionings, posts } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { CostInput } from "./schema";

/** The scope's target must be a plan, group or post of this workspace (else "not found" on its field). */
async function checkTarget(db: DbOrTx, workspaceId: string, cost: CostInput) {
  if (!cost.targetId) return;
  const table = cost.scope === "plan" ? positionings : cost.scope === "group" ? groups : posts;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, cost.targetId)));
  if (!row) throw new RuleError("validation.costTargetNotFound", cost.scope === "plan" ? "planId" : cost.scope === "group" ? "groupId" : "postId");
}

export async function createCost(db: DbOrTx, q: { workspaceId: string; userId: string; cost: CostInput }) {
  await checkTarget(db, q.workspaceId, q.cost);
  const id = newId();
  await db.insert(costs).values({ workspaceId: q.workspaceId, id, ...q.cost, createdBy: q.userId });
  return { costId: id, amountCents: q.cost.amountCents };
}

export async function updateCost(db: DbOrTx, q: { workspaceId: string; costId: string; cost: CostInput }) {
  await checkTarget(db, q.workspaceId, q.cost);
  const rows = await db
    .update(costs)
    .set(q.cost)
    .where(and(eq(costs.workspaceId, q.workspaceId), eq(costs.id, q.costId)))
    .returning({ id: costs.id });
  if (rows.length === 0) throw new NotFoundError();
  return { costId: q.costId, amountCents: q.cost.amountCents };
}

export async function deleteCost(db: DbOrTx, q: { workspaceId: string; costId: string }) {
  const rows = await db
    .delete(costs)
    .where(and(eq(costs.workspaceId, q.workspaceId), eq(costs.id, q.costId)))
    .returning({ amountCents: costs.amountCents, incurredOn: costs.incurredOn });
  if (rows.length === 0) throw new NotFoundError();
  return rows[0]!;
}
