import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, contentVariants, dailyRollups, experimentAssignments, experiments, groups } from "@/db/schema";
import { instantDay } from "@/lib/calendar/time";
import { funnelRates, type Funnel } from "@/lib/roi/math";
import { weekStartOf } from "./assignment";
import { hasEnoughData, probabilityBBeatsA, twoProportionZTest, verdictOf } from "./stats";

export async function listExperiments(db: DbOrTx, workspaceId: string) {
  const rows = await db
    .select({
      id: experiments.id,
      name: experiments.name,
      status: experiments.status,
      mode: experiments.mode,
      startedAt: experiments.startedAt,
      decidedAt: experiments.decidedAt,
      itemTitle: contentItems.title,
      winnerLabel: contentVariants.label,
      groupCount: sql<number>`(select count(distinct a.group_id)::int from experiment_assignments a where a.workspace_id = ${experiments.workspaceId} and a.experiment_id = ${experiments.id})`,
    })
    .from(experiments)
    .innerJoin(contentItems, and(eq(contentItems.workspaceId, experiments.workspaceId), eq(contentItems.id, experiments.contentItemId)))
    .leftJoin(contentVariants, and(eq(contentVariants.workspaceId, experiments.workspaceId), eq(contentVariants.id, experiments.winnerVariantId)))
    .where(eq(experiments.workspaceId, workspaceId))
    .orderBy(desc(experiments.createdAt));
  return rows;
}

export type ExperimentListRow = Awaited<ReturnType<typeof listExperiments>>[number];

/** One test with its item, both variants and each group's assignment (this week's, for alternate_weeks). */
export async function getExperiment(db: DbOrTx, q: { workspaceId: string; experimentId: string; timeZone: string; now?: Date }) {
  const [exp] = await db
    .select({ exp: experiments, itemTitle: contentItems.title })
    .from(experiments)
    .innerJoin(contentItems, and(eq(contentItems.workspaceId, experiments.workspaceId), eq(contentItems.id, experiments.contentItemId)))
    .where(and(eq(experiments.workspaceId, q.workspaceId), eq(experiments.id, q.experimentId)));
  if (!exp) return null;
  const e = exp.exp;
  const variants = await db
    .select({ id: contentVariants.id, label: contentVariants.label, body: contentVariants.body })
    .from(contentVariants)
    .where(and(eq(contentVariants.workspaceId, q.workspaceId), inArray(contentVariants.id, [e.variantAId, e.variantBId])));
  const label = (id: string) => variants.find((v) => v.id === id)?.label ?? "?";
  const assignments = await db
    .select({ groupId: experimentAssignments.groupId, groupName: groups.name, weekStart: experimentAssignments.weekStart, variantId: experimentAssignments.variantId })
    .from(experimentAssignments)
    .innerJoin(groups, and(eq(groups.workspaceId, experimentAssignments.workspaceId), eq(groups.id, experimentAssignments.groupId)))
    .where(and(eq(experimentAssignments.workspaceId, q.workspaceId), eq(experimentAssignments.experimentId, e.id)))
    .orderBy(asc(groups.name), asc(experimentAssignments.weekStart));
  const thisWeek = weekStartOf(instantDay(q.now ?? new Date(), q.timeZone));
  const byGroup = new Map<string, { groupId: string; groupName: string; variantId: string; weeks: { weekStart: string; variantId: string }[] }>();
  for (const a of assignments) {
    const g = byGroup.get(a.groupId) ?? { groupId: a.groupId, groupName: a.groupName, variantId: a.variantId, weeks: [] };
    g.weeks.push({ weekStart: a.weekStart, variantId: a.variantId });
    if (e.mode === "alternate_weeks" && a.weekStart <= thisWeek) g.variantId = a.variantId;
    byGroup.set(a.groupId, g);
  }
  return {
    ...e,
    itemTitle: exp.itemTitle,
    variantA: { id: e.variantAId, label: label(e.variantAId), body: variants.find((v) => v.id === e.variantAId)?.body ?? "" },
    variantB: { id: e.variantBId, label: label(e.variantBId), body: variants.find((v) => v.id === e.variantBId)?.body ?? "" },
    winnerLabel: e.winnerVariantId ? label(e.winnerVariantId) : null,
    groups: [...byGroup.values()],
  };
}

export type ExperimentDetail = NonNullable<Awaited<ReturnType<typeof getExperiment>>>;

const sums = {
  reach: sql<number>`coalesce(sum(${dailyRollups.reach}), 0)::float8`,
  uniqueClicks: sql<number>`coalesce(sum(${dailyRollups.uniqueClicks}), 0)::float8`,
  orders: sql<number>`coalesce(sum(${dailyRollups.orders}), 0)::float8`,
  revenueCents: sql<number>`coalesce(sum(${dailyRollups.revenueCents}), 0)::float8`,
  refundCents: sql<number>`coalesce(sum(${dailyRollups.refundCents}), 0)::float8`,
};

/**
 * Results per variant from the daily rollups: the test's groups, its two variants, local days from
 * its start (through the day it was decided or stopped). Click rate is unique clicks ÷ reach; both
 * tests run on it. A result shows only once each variant has `minSample` reach.
 */
export async function getExperimentResults(db: DbOrTx, q: { workspaceId: string; experiment: ExperimentDetail; timeZone: string }) {
  const e = q.experiment;
  const groupIds = e.groups.map((g) => g.groupId);
  const from = e.startedAt ? instantDay(e.startedAt, q.timeZone) : "9999-12-31";
  const to = e.decidedAt ? instantDay(e.decidedAt, q.timeZone) : "9999-12-31";
  const where = groupIds.length
    ? and(eq(dailyRollups.workspaceId, q.workspaceId), inArray(dailyRollups.groupId, groupIds), inArray(dailyRollups.variantId, [e.variantAId, e.variantBId]), gte(dailyRollups.day, from), lte(dailyRollups.day, to))
    : sql`false`;
  const daily = await db
    .select({ day: dailyRollups.day, variantId: dailyRollups.variantId, ...sums })
    .from(dailyRollups)
    .where(where)
    .groupBy(dailyRollups.day, dailyRollups.variantId)
    .orderBy(asc(dailyRollups.day));
  const total = (variantId: string): Funnel =>
    daily
      .filter((d) => d.variantId === variantId)
      .reduce((t, d) => ({ reach: t.reach + d.reach, uniqueClicks: t.uniqueClicks + d.uniqueClicks, orders: t.orders + d.orders, revenueCents: t.revenueCents + d.revenueCents, refundCents: t.refundCents + d.refundCents }), { reach: 0, uniqueClicks: 0, orders: 0, revenueCents: 0, refundCents: 0 });
  const side = (v: { id: string; label: string }) => {
    const f = total(v.id);
    return { variantId: v.id, label: v.label, ...f, ...funnelRates(f), daily: daily.filter((d) => d.variantId === v.id).map((d) => ({ day: d.day, reach: d.reach, uniqueClicks: d.uniqueClicks, orders: d.orders })) };
  };
  const a = side(e.variantA);
  const b = side(e.variantB);
  const enoughData = hasEnoughData([a.reach, b.reach], e.minSample);
  const trials = (s: typeof a) => ({ successes: Math.min(s.uniqueClicks, s.reach), trials: s.reach });
  const zTest = enoughData ? twoProportionZTest(trials(a), trials(b)) : null;
  const probBBeatsA = enoughData ? probabilityBBeatsA(trials(a), trials(b)) : null;
  return { from, to: e.decidedAt ? to : null, a, b, enoughData, zTest, probBBeatsA, verdict: verdictOf({ enoughData, probBBeatsA }) };
}

export type ExperimentResults = Awaited<ReturnType<typeof getExperimentResults>>;
