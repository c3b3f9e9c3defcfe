import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { communityTypes, positionings, positioningVersions } from "@/db/schema";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { changedPaths } from "./diff";
import { customTypeKey } from "./presets";
import { getVersion, readAnswers } from "./queries";
import { ANSWERS_SCHEMA_VERSION, emptyAnswers, type Answers, type Starter } from "./schema";
import { starterAnswers } from "./starters";

type PlanKey = { workspaceId: string; planId: string };

async function appendVersion(tx: Tx, key: PlanKey, v: { version: number; name: string; answers: Answers; authorId: string; restoredFrom?: number }) {
  await tx.insert(positioningVersions).values({
    workspaceId: key.workspaceId,
    positioningId: key.planId,
    version: v.version,
    name: v.name,
    answers: v.answers,
    schemaVersion: ANSWERS_SCHEMA_VERSION,
    authorId: v.authorId,
    restoredFrom: v.restoredFrom,
  });
}

export async function createPlan(tx: Tx, input: { workspaceId: string; userId: string; name: string; starter: Starter | null; answers?: Answers }) {
  const planId = newId();
  const answers = input.answers ?? (input.starter ? starterAnswers(input.starter) : emptyAnswers());
  await tx.insert(positionings).values({
    workspaceId: input.workspaceId,
    id: planId,
    name: input.name,
    answers,
    schemaVersion: ANSWERS_SCHEMA_VERSION,
    starter: input.starter,
    updatedBy: input.userId,
  });
  await appendVersion(tx, { workspaceId: input.workspaceId, planId }, { version: 1, name: input.name, answers, authorId: input.userId });
  return { planId };
}

/** Lock the plan row for the rest of the transaction; another workspace's plan is not found. */
async function lockPlan(tx: Tx, key: PlanKey) {
  const [row] = await tx
    .select()
    .from(positionings)
    .where(and(eq(positionings.workspaceId, key.workspaceId), eq(positionings.id, key.planId)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

async function writePlan(tx: Tx, key: PlanKey, next: { version: number; name: string; answers: Answers; userId: string; restoredFrom?: number }) {
  await tx
    .update(positionings)
    .set({ name: next.name, answers: next.answers, version: next.version, updatedAt: new Date(), updatedBy: next.userId, schemaVersion: ANSWERS_SCHEMA_VERSION })
    .where(and(eq(positionings.workspaceId, key.workspaceId), eq(positionings.id, key.planId)));
  await appendVersion(tx, key, { version: next.version, name: next.name, answers: next.answers, authorId: next.userId, restoredFrom: next.restoredFrom });
  return { version: next.version };
}

export type SaveConflict = { currentVersion: number; updatedByName: string | null; theirChanges: string[]; theirs: Answers; theirName: string };

/**
 * Save the worksheet as a new version. `baseVersion` is the version the editor started from: if
 * someone saved since, nothing is written and the caller learns what they changed.
 */
export async function savePlan(tx: Tx, input: PlanKey & { userId: string; baseVersion: number; name: string; answers: Answers }) {
  const row = await lockPlan(tx, input);
  if (row.archivedAt) throw new RuleError("errors.planArchived");
  if (row.version !== input.baseVersion) {
    const base = await getVersion(tx, { ...input, version: input.baseVersion });
    const theirs = readAnswers(row.answers);
    const theirChanges = base ? changedPaths(base.answers, theirs) : [];
    if (base && base.name !== row.name) theirChanges.unshift("name");
    const author = await getVersion(tx, { ...input, version: row.version });
    const details: SaveConflict = { currentVersion: row.version, updatedByName: author?.authorName ?? null, theirChanges, theirs, theirName: row.name };
    throw new ConflictError("errors.planChanged", details);
  }
  return writePlan(tx, input, { version: row.version + 1, name: input.name, answers: input.answers, userId: input.userId });
}

/** Restoring an old version writes it again as the newest one; history is never rewritten. */
export async function restoreVersion(tx: Tx, input: PlanKey & { userId: string; version: number }) {
  const row = await lockPlan(tx, input);
  if (row.archivedAt) throw new RuleError("errors.planArchived");
  const old = await getVersion(tx, input);
  if (!old) throw new NotFoundError();
  return writePlan(tx, input, { version: row.version + 1, name: old.name, answers: old.answers, userId: input.userId, restoredFrom: input.version });
}

export async function renamePlan(tx: Tx, input: PlanKey & { userId: string; name: string }) {
  const row = await lockPlan(tx, input);
  return writePlan(tx, input, { version: row.version + 1, name: input.name, answers: readAnswers(row.answers), userId: input.userId });
}

export async function setPlanArchived(tx: Tx, input: PlanKey & { archived: boolean }) {
  await lockPlan(tx, input);
  await tx
    .update(positionings)
    .set({ archivedAt: input.archived ? new Date() : null })
    .where(and(eq(positionings.workspaceId, input.workspaceId), eq(positionings.id, input.planId)));
}

export async function duplicatePlan(tx: Tx, input: PlanKey & { userId: string; copySuffix: string }) {
  const row = await lockPlan(tx, input);
  const name = `${row.name}${input.copySuffix}`.slice(0, 60);
  return createPlan(tx, { workspaceId: input.workspaceId, userId: input.userId, name, starter: null, answers: readAnswers(row.answers) });
}

export async function createCommunityType(tx: Tx, input: { workspaceId: string; name: string; description: string; businessStep: Answers["businessModel"]["step"] }) {
  const id = newId();
  await tx.insert(communityTypes).values({ workspaceId: input.workspaceId, id, name: input.name, description: input.description, businessStep: input.businessStep });
  return { id, key: customTypeKey(id) };
}

export async function deleteCommunityType(tx: Tx, input: { workspaceId: string; typeId: string }) {
  const rows = await tx
    .delete(communityTypes)
    .where(and(eq(communityTypes.workspaceId, input.workspaceId), eq(communityTypes.id, input.typeId)))
    .returning({ id: communityTypes.id });
  if (rows.length === 0) throw new NotFoundError();
}
