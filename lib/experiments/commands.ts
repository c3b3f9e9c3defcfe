import "server-only";
import { and, eq, gte, inArray, isNull, max, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, contentVariants, experimentAssignments, experiments, groups, posts } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { instantDay } from "@/lib/calendar/time";
import { alternateWeekVariant, balancedAssignment, weekStartOf, weeksThrough } from "./assignment";
import type { StartExperimentInput } from "./schema";
import { workspaceTimeZone } from "@/lib/workspaces/queries";

/** Posts that still wait to be sent: the only ones a test (or its winner) may change. */
const OPEN_STATUSES = ["draft", "scheduled"] as const;
/** alternate_weeks records at least this many weeks ahead at start, and more as posts are planned. */
const MIN_WEEKS = 8;

async function lockExperiment(db: DbOrTx, workspaceId: string, experimentId: string) {
  const [row] = await db
    .select()
    .from(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, experimentId)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

async function checkStart(db: DbOrTx, workspaceId: string, input: StartExperimentInput) {
  const [item] = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.id, input.contentItemId), isNull(contentItems.archivedAt)));
  if (!item) throw new RuleError("validation.experimentItemNotFound", "contentItemId");
  const variants = await db
    .select({ id: contentVariants.id })
    .from(contentVariants)
    .where(and(eq(contentVariants.workspaceId, workspaceId), eq(contentVariants.itemId, input.contentItemId), inArray(contentVariants.id, [input.variantAId, input.variantBId])));
  const found = new Set(variants.map((v) => v.id));
  if (!found.has(input.variantAId)) throw new RuleError("validation.experimentVariantNotOfItem", "variantAId");
  if (!found.has(input.variantBId)) throw new RuleError("validation.experimentVariantNotOfItem", "variantBId");
  const groupIds = [...new Set(input.groupIds)];
  const known = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.workspaceId, workspaceId), inArray(groups.id, groupIds)));
  if (known.length !== groupIds.length) throw new RuleError("validation.experimentGroupNotFound", "groupIds");
  const [sameName] = await db.select({ id: experiments.id }).from(experiments).where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.name, input.name)));
  if (sameName) throw new RuleError("validation.experimentNameTaken", "name");
  // Two running tests of one item in one group would fight over its posts' variant.
  const [overlap] = await db
    .select({ name: experiments.name })
    .from(experiments)
    .innerJoin(experimentAssignments, and(eq(experimentAssignments.workspaceId, experiments.workspaceId), eq(experimentAssignments.experimentId, experiments.id)))
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.contentItemId, input.contentItemId), eq(experiments.status, "running"), inArray(experimentAssignments.groupId, groupIds)))
    .limit(1);
  if (overlap) throw new RuleError("validation.experimentOverlap", "groupIds");
  return groupIds;
}

/**
 * Creates an A/B test and starts it at once: assigns the variants (a balanced random split by
 * group; for alternate_weeks the same split decides which variant each group opens with), records
 * the assignments, and applies them to the item's waiting posts in those groups.
 */
export async function startExperiment(db: DbOrTx, q: { workspaceId: string; userId: string; input: StartExperimentInput; now?: Date; random?: () => number }) {
  const { workspaceId, input } = q;
  const now = q.now ?? new Date();
  const groupIds = await checkStart(db, workspaceId, input);
  const experimentId = newId();
  await db.insert(experiments).values({
    workspaceId,
    id: experimentId,
    name: input.name,
    contentItemId: input.contentItemId,
    variantAId: input.variantAId,
    variantBId: input.variantBId,
    mode: input.mode,
    status: "running",
    minSample: input.minSample,
    startedAt: now,
    createdBy: q.userId,
  });
  const split = balancedAssignment(groupIds, [input.variantAId, input.variantBId], q.random);
  if (input.mode === "by_group") {
    await db.insert(experimentAssignments).values([...split].map(([groupId, variantId]) => ({ workspaceId, experimentId, groupId, variantId, assignedAt: now })));
  } else {
    const timeZone = await workspaceTimeZone(db, workspaceId);
    const startWeek = weekStartOf(instantDay(now, timeZone));
    const other = (v: string) => (v === input.variantAId ? input.variantBId : input.variantAId);
    const weeks = weeksThrough(startWeek, startWeek, MIN_WEEKS);
    await db.insert(experimentAssignments).values(
      [...split].flatMap(([groupId, first]) =>
        weeks.map((week) => ({ workspaceId, experimentId, groupId, weekStart: week, variantId: alternateWeekVariant({ firstVariant: first, otherVariant: other(first), startWeek, week })!, assignedAt: now })),
      ),
    );
  }
  const updatedPosts = await applyExperiment(db, { workspaceId, experimentId, now });
  return { experimentId, updatedPosts, assignments: Object.fromEntries(split) };
}

type Experiment = typeof experiments.$inferSelect;

/** alternate_weeks: records the weeks up to the last waiting post of the item (idempotent). */
async function extendWeeks(db: DbOrTx, exp: Experiment, timeZone: string, groupIds: string[], now: Date) {
  const [last] = await db
    .select({ at: max(posts.scheduledAt) })
    .from(posts)
    .where(and(eq(posts.workspaceId, exp.workspaceId), eq(posts.contentItemId, exp.contentItemId), inArray(posts.groupId, groupIds), gte(posts.scheduledAt, now)));
  if (!last?.at || !exp.startedAt) return;
  const startWeek = weekStartOf(instantDay(exp.startedAt, timeZone));
  const firsts = await db
    .select({ groupId: experimentAssignments.groupId, variantId: experimentAssignments.variantId })
    .from(experimentAssignments)
    .where(and(eq(experimentAssignments.workspaceId, exp.workspaceId), eq(experimentAssignments.experimentId, exp.id), eq(experimentAssignments.weekStart, startWeek)));
  const other = (v: string) => (v === exp.variantAId ? exp.variantBId : exp.variantAId);
  const weeks = weeksThrough(startWeek, instantDay(last.at, timeZone), MIN_WEEKS);
  const rows = firsts.flatMap((f) => weeks.map((week) => ({ workspaceId: exp.workspaceId, experimentId: exp.id, groupId: f.groupId, weekStart: week, variantId: alternateWeekVariant({ firstVariant: f.variantId, otherVariant: other(f.variantId), startWeek, week })!, assignedAt: now })));
  if (rows.length) await db.insert(experimentAssignments).values(rows).onConflictDoNothing();
}

/** Sets `variantId` on posts whose variant differs, bumping their version (calendar edits lock on it). */
async function setVariants(db: DbOrTx, workspaceId: string, byVariant: Map<string, string[]>) {
  let updated = 0;
  for (const [variantId, ids] of byVariant) {
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await db
        .update(posts)
        .set({ variantId, version: sql`${posts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(posts.workspaceId, workspaceId), inArray(posts.id, ids.slice(i, i + 1000)), inArray(posts.status, [...OPEN_STATUSES])))
        .returning({ id: posts.id });
      updated += rows.length;
    }
  }
  return updated;
}

/**
 * Brings the item's waiting posts (draft or scheduled, from now on) in the test's groups onto
 * their assigned variant. Idempotent: run at start, and by `createPosts` whenever posts of the
 * item are planned later (by hand, an SOP run, a column), so they join the test too. Only a
 * running test does this.
 */
export async function applyExperiment(db: DbOrTx, q: { workspaceId: string; experimentId: string; now?: Date }): Promise<number> {
  const now = q.now ?? new Date();
  const [exp] = await db.select().from(experiments).where(and(eq(experiments.workspaceId, q.workspaceId), eq(experiments.id, q.experimentId)));
  if (!exp) throw new NotFoundError();
  if (exp.status !== "running") return 0;
  const timeZone = await workspaceTimeZone(db, q.workspaceId);
  const assignmentRows = () =>
    db
      .select({ groupId: experimentAssignments.groupId, weekStart: experimentAssignments.weekStart, variantId: experimentAssignments.variantId })
      .from(experimentAssignments)
      .where(and(eq(experimentAssignments.workspaceId, q.workspaceId), eq(experimentAssignments.experimentId, exp.id)));
  let rows = await assignmentRows();
  const groupIds = [...new Set(rows.map((r) => r.groupId))];
  if (groupIds.length === 0) return 0;
  if (exp.mode === "alternate_weeks") {
    await extendWeeks(db, exp, timeZone, groupIds, now);
    rows = await assignmentRows();
  }
  const key = (groupId: string, week: string) => (exp.mode === "by_group" ? groupId : `${groupId}/${week}`);
  const assigned = new Map(rows.map((r) => [key(r.groupId, r.weekStart), r.variantId]));
  const waiting = await db
    .select({ id: posts.id, groupId: posts.groupId, scheduledAt: posts.scheduledAt, variantId: posts.variantId })
    .from(posts)
    .where(and(eq(posts.workspaceId, q.workspaceId), eq(posts.contentItemId, exp.contentItemId), inArray(posts.groupId, groupIds), inArray(posts.status, [...OPEN_STATUSES]), gte(posts.scheduledAt, now)));
  const byVariant = new Map<string, string[]>();
  for (const p of waiting) {
    const want = assigned.get(key(p.groupId, weekStartOf(instantDay(p.scheduledAt, timeZone))));
    if (want && want !== p.variantId) byVariant.set(want, [...(byVariant.get(want) ?? []), p.id]);
  }
  return setVariants(db, q.workspaceId, byVariant);
}

/**
 * The variant a post of `itemId` in `groupId` at `at` should carry while a test runs (null when
 * no running test covers it). The calendar may call this when it plans a post.
 */
export async function assignedVariantFor(db: DbOrTx, q: { workspaceId: string; groupId: string; itemId: string; at: Date }): Promise<string | null> {
  const rows = await db
    .select({ mode: experiments.mode, startedAt: experiments.startedAt, weekStart: experimentAssignments.weekStart, variantId: experimentAssignments.variantId, a: experiments.variantAId, b: experiments.variantBId })
    .from(experiments)
    .innerJoin(experimentAssignments, and(eq(experimentAssignments.workspaceId, experiments.workspaceId), eq(experimentAssignments.experimentId, experiments.id)))
    .where(and(eq(experiments.workspaceId, q.workspaceId), eq(experiments.contentItemId, q.itemId), eq(experiments.status, "running"), eq(experimentAssignments.groupId, q.groupId)));
  const first = rows[0];
  if (!first) return null;
  if (first.mode === "by_group") return first.variantId;
  const timeZone = await workspaceTimeZone(db, q.workspaceId);
  const week = weekStartOf(instantDay(q.at, timeZone));
  const exact = rows.find((r) => r.weekStart === week);
  if (exact) return exact.variantId;
  // A week not recorded yet: continue the alternation from the start week's variant.
  const startWeek = weekStartOf(instantDay(first.startedAt!, timeZone));
  const opening = rows.find((r) => r.weekStart === startWeek);
  if (!opening) return null;
  return alternateWeekVariant({ firstVariant: opening.variantId, otherVariant: opening.variantId === first.a ? first.b : first.a, startWeek, week });
}

/**
 * The operator declares the winner: the test is decided, and the item's waiting posts in its
 * groups all switch to the winning variant (the point of testing is to use what won).
 */
export async function declareWinner(db: DbOrTx, q: { workspaceId: string; experimentId: string; winnerVariantId: string; now?: Date }) {
  const now = q.now ?? new Date();
  const exp = await lockExperiment(db, q.workspaceId, q.experimentId);
  if (exp.status === "decided") throw new RuleError("errors.experimentAlreadyDecided");
  if (q.winnerVariantId !== exp.variantAId && q.winnerVariantId !== exp.variantBId) throw new RuleError("validation.experimentWinnerNotInTest", "winnerVariantId");
  await db
    .update(experiments)
    .set({ status: "decided", winnerVariantId: q.winnerVariantId, decidedAt: exp.decidedAt ?? now })
    .where(and(eq(experiments.workspaceId, q.workspaceId), eq(experiments.id, exp.id)));
  const groupRows = await db
    .selectDistinct({ groupId: experimentAssignments.groupId })
    .from(experimentAssignments)
    .where(and(eq(experimentAssignments.workspaceId, q.workspaceId), eq(experimentAssignments.experimentId, exp.id)));
  const waiting = await db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.workspaceId, q.workspaceId),
        eq(posts.contentItemId, exp.contentItemId),
        inArray(posts.groupId, groupRows.map((g) => g.groupId)),
        inArray(posts.status, [...OPEN_STATUSES]),
        gte(posts.scheduledAt, now),
        sql`${posts.variantId} is distinct from ${q.winnerVariantId}`,
      ),
    );
  const updatedPosts = await setVariants(db, q.workspaceId, new Map([[q.winnerVariantId, waiting.map((p) => p.id)]]));
  return { name: exp.name, updatedPosts };
}

/** Stops a running test without a winner; `decidedAt` marks where its results end. Posts keep their variant. */
export async function stopExperiment(db: DbOrTx, q: { workspaceId: string; experimentId: string; now?: Date }) {
  const exp = await lockExperiment(db, q.workspaceId, q.experimentId);
  if (exp.status !== "running") throw new RuleError("errors.experimentNotRunning");
  await db
    .update(experiments)
    .set({ status: "stopped", decidedAt: q.now ?? new Date() })
    .where(and(eq(experiments.workspaceId, q.workspaceId), eq(experiments.id, exp.id), ne(experiments.status, "decided")));
  return { name: exp.name };
}
