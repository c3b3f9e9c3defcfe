import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { communityTypes, groups, positionings, positioningVersions, users } from "@/db/schema";
import { completeness, contradictions } from "./checks";
import { answersSchema, type Answers } from "./schema";

/** Stored answers are re-validated on the way out: a row written by an older schema fails loudly here. */
export function readAnswers(stored: unknown): Answers {
  return answersSchema.parse(stored);
}

/** What the list and the plan page both read of a plan. */
const planColumns = {
  id: positionings.id,
  name: positionings.name,
  answers: positionings.answers,
  version: positionings.version,
  starter: positionings.starter,
  archivedAt: positionings.archivedAt,
  updatedAt: positionings.updatedAt,
};

export async function listPlans(db: DbOrTx, q: { workspaceId: string; includeArchived?: boolean }) {
  const rows = await db
    .select(planColumns)
    .from(positionings)
    .where(and(eq(positionings.workspaceId, q.workspaceId), q.includeArchived ? undefined : isNull(positionings.archivedAt)))
    .orderBy(desc(positionings.updatedAt));
  const linked = await db
    .select({ planId: groups.positioningId, n: count() })
    .from(groups)
    .where(and(eq(groups.workspaceId, q.workspaceId), isNotNull(groups.positioningId)))
    .groupBy(groups.positioningId);
  const linkedOf = new Map(linked.map((l) => [l.planId, l.n]));
  return rows.map(({ answers, ...row }) => {
    const a = readAnswers(answers);
    return {
      ...row,
      linkedGroups: linkedOf.get(row.id) ?? 0,
      communityType: a.typeThreshold.communityType,
      businessStep: a.businessModel.step,
      completeness: completeness(a),
      contradictions: contradictions(a).length,
    };
  });
}

export async function getPlan(db: DbOrTx, q: { workspaceId: string; planId: string }) {
  const [row] = await db
    .select({
      ...planColumns,
      updatedByName: users.name,
    })
    .from(positionings)
    .leftJoin(users, eq(users.id, positionings.updatedBy))
    .where(and(eq(positionings.workspaceId, q.workspaceId), eq(positionings.id, q.planId)))
    .limit(1);
  return row ? { ...row, answers: readAnswers(row.answers) } : null;
}

export async function listVersions(db: DbOrTx, q: { workspaceId: string; planId: string }) {
  return db
    .select({
      version: positioningVersions.version,
      name: positioningVersions.name,
      createdAt: positioningVersions.createdAt,
      authorName: users.name,
      restoredFrom: positioningVersions.restoredFrom,
    })
    .from(positioningVersions)
    .leftJoin(users, eq(users.id, positioningVersions.authorId))
    .where(and(eq(positioningVersions.workspaceId, q.workspaceId), eq(positioningVersions.positioningId, q.planId)))
    .orderBy(desc(positioningVersions.version));
}

export async function getVersion(db: DbOrTx, q: { workspaceId: string; planId: string; version: number }) {
  const [row] = await db
    .select({
      version: positioningVersions.version,
      name: positioningVersions.name,
      answers: positioningVersions.answers,
      createdAt: positioningVersions.createdAt,
      authorName: users.name,
    })
    .from(positioningVersions)
    .leftJoin(users, eq(users.id, positioningVersions.authorId))
    .where(
      and(
        eq(positioningVersions.workspaceId, q.workspaceId),
        eq(positioningVersions.positioningId, q.planId),
        eq(positioningVersions.version, q.version),
      ),
    )
    .limit(1);
  return row ? { ...row, answers: readAnswers(row.answers) } : null;
}

export async function listCommunityTypes(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: communityTypes.id, name: communityTypes.name, description: communityTypes.description, businessStep: communityTypes.businessStep })
    .from(communityTypes)
    .where(eq(communityTypes.workspaceId, workspaceId))
    .orderBy(asc(communityTypes.createdAt));
}
