import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { groups, rosterImports } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { ImportField } from "@/lib/members/import/fields";

export async function createImportRecord(tx: Tx, input: { workspaceId: string; importId: string; filename: string; kind: string; sizeBytes: number; userId: string; groupId: string | null }) {
  await tx.insert(rosterImports).values({
    workspaceId: input.workspaceId,
    id: input.importId,
    filename: input.filename.slice(0, 200),
    kind: input.kind,
    sizeBytes: input.sizeBytes,
    groupId: input.groupId,
    createdBy: input.userId,
  });
}

/**
 * Save the column mapping and target before a check or an import. Rows go to the chosen group,
 * or, without one, to the group named in each row's 群名 column (so that column must be mapped).
 */
export async function prepareImport(tx: Tx, input: { workspaceId: string; importId: string; groupId: string | null; mapping: (ImportField | null)[] }) {
  const [job] = await tx
    .select({ status: rosterImports.status })
    .from(rosterImports)
    .where(and(eq(rosterImports.workspaceId, input.workspaceId), eq(rosterImports.id, input.importId)))
    .for("update");
  if (!job) throw new NotFoundError();
  if (job.status === "checking" || job.status === "importing") throw new RuleError("errors.importRunning");
  if (input.groupId) {
    const [g] = await tx.select({ id: groups.id }).from(groups).where(and(eq(groups.workspaceId, input.workspaceId), eq(groups.id, input.groupId)));
    if (!g) throw new RuleError("validation.planNotFound", "groupId");
  } else if (!input.mapping.includes("groupName")) {
    throw new RuleError("validation.importNeedsGroup", "groupId");
  }
  const identity = input.mapping.some((f) => f === "nickname" || f === "phone" || f === "externalId");
  if (!identity) throw new RuleError("validation.importNeedsIdentity", "mapping");
  await tx
    .update(rosterImports)
    .set({ mapping: input.mapping, groupId: input.groupId })
    .where(and(eq(rosterImports.workspaceId, input.workspaceId), eq(rosterImports.id, input.importId)));
}
