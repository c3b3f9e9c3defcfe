import "server-only";
import { and, eq, gte, inArray, lte, ne } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { groups, posts, sopRuns, type PostChannel } from "@/db/schema";
import type { ProposedPost } from "@/lib/calendar/check-types";
import { createPosts, type NewPost } from "@/lib/calendar/posts";
import { daysFrom } from "@/lib/calendar/time";
import { checkProposedPosts } from "@/lib/calendar/checks";
import { AppError, ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { expandRun, type SkippedOccurrence } from "./expand";
import { firstVariants, ownerResolver } from "./owners";
import { getTemplate, type TemplateDetail } from "./queries";
import { MAX_RUN_DAYS } from "./schema";

type Step = TemplateDetail["steps"][number];
export type StepPostFields = Pick<NewPost, "category" | "contentItemId" | "variantId" | "title" | "body" | "notes" | "ownerUserId"> & { scheduledAt: Date };

/** What a post made from a step carries: a library item's first variant unless the step names one. */
export function postFromStep(s: Step, at: Date, ownerUserId: string | null, variantOf: Map<string, string>): StepPostFields {
  return {
    scheduledAt: at,
    category: s.category,
    contentItemId: s.contentItemId,
    variantId: s.contentItemId ? (s.variantId ?? variantOf.get(s.contentItemId) ?? null) : null,
    title: s.contentItemId ? (s.itemTitle ?? s.title) : s.title,
    body: s.inlineText,
    notes: s.notes,
    ownerUserId,
  };
}

export type RunRequest = {
  workspaceId: string;
  templateId: string;
  groupIds: string[];
  startDate: string;
  endDate: string | null;
  channel: PostChannel;
  timeZone: string;
  userId: string;
  now: Date;
};

export type PlannedPost = NewPost & { groupId: string; scheduledAt: Date; stepId: string };
export type GroupPlan = { groupId: string; name: string; posts: PlannedPost[] };
export type RunPlan = {
  template: TemplateDetail;
  endDate: string | null;
  groups: GroupPlan[];
  total: number;
  /** Times already past when the preview was made: not created (the dispatcher would mark them late). */
  skippedPast: number;
  /** Already scheduled by an earlier run of this template: applying twice never doubles a post. */
  skippedDuplicate: number;
  /** Local times that do not exist that day (DST): listed, never moved to another time. */
  skippedNonexistent: SkippedOccurrence[];
  proposed: ProposedPost[];
};

/** The dates a run covers, checked against the template's timing; errors point at the date field. */
export function runWindow(template: TemplateDetail, startDate: string, endDate: string | null): string | null {
  const repeating = template.steps.some((s) => s.timing !== "relative");
  if (!repeating) return null;
  if (!endDate) throw new RuleError("sopErrors.endNeeded", "endDate");
  const days = daysFrom(startDate, endDate);
  if (days < 0) throw new RuleError("sopErrors.endBeforeStart", "endDate");
  if (days + 1 > MAX_RUN_DAYS) throw new RuleError("sopErrors.runTooLong", "endDate");
  return endDate;
}

/** What applying a template would create, group by group: the preview and the apply share it. */
export async function planRun(db: DbOrTx, r: RunRequest): Promise<RunPlan> {
  const template = await getTemplate(db, r);
  if (!template) throw new NotFoundError();
  if (!template.steps.length) throw new RuleError("sopErrors.stepsNeeded");
  const endDate = runWindow(template, r.startDate, r.endDate);
  const groupIds = [...new Set(r.groupIds)];
  const found = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.workspaceId, r.workspaceId), inArray(groups.id, groupIds)));
  if (found.length !== groupIds.length) throw new RuleError("sopErrors.groupNotFound", "groupIds");
  const { occurrences, skipped } = expandRun(template.steps, { startDate: r.startDate, endDate, timeZone: r.timeZone });
  const future = occurrences.filter((o) => o.at > r.now);
  const existing = future.length
    ? await db
        .select({ groupId: posts.groupId, stepId: posts.stepId, at: posts.scheduledAt })
        .from(posts)
        .where(
          and(
            eq(posts.workspaceId, r.workspaceId),
            inArray(posts.groupId, groupIds),
            inArray(posts.stepId, template.steps.map((s) => s.id)),
            ne(posts.status, "cancelled"),
            gte(posts.scheduledAt, future[0]!.at),
            lte(posts.scheduledAt, future[future.length - 1]!.at),
          ),
        )
    : [];
  const taken = new Set(existing.map((p) => `${p.groupId}|${p.stepId}|${p.at.getTime()}`));
  const ownerOf = await ownerResolver(db, r.workspaceId, groupIds, r.userId);
  const variantOf = await firstVariants(db, r.workspaceId, template.steps.flatMap((s) => (s.contentItemId ? [s.contentItemId] : [])));
  const stepOf = new Map(template.steps.map((s) => [s.id, s]));
  let skippedDuplicate = 0;
  const plans = found
    .sort((a, b) => groupIds.indexOf(a.id) - groupIds.indexOf(b.id))
    .map((g) => {
      const planned: PlannedPost[] = [];
      for (const o of future) {
        if (taken.has(`${g.id}|${o.stepId}|${o.at.getTime()}`)) {
          skippedDuplicate++;
          continue;
        }
        const s = stepOf.get(o.stepId)!;
        planned.push({ groupId: g.id, stepId: s.id, channel: r.channel, ...postFromStep(s, o.at, ownerOf(g.id, s.ownerRole), variantOf) });
      }
      return { groupId: g.id, name: g.name, posts: planned };
    });
  const all = plans.flatMap((p) => p.posts);
  return {
    template,
    endDate,
    groups: plans,
    total: all.length,
    skippedPast: (occurrences.length - future.length) * groupIds.length,
    skippedDuplicate,
    skippedNonexistent: skipped,
    proposed: all.map((p) => ({ groupId: p.groupId, scheduledAt: p.scheduledAt, category: p.category, channel: p.channel ?? "manual" })),
  };
}

/** One sop_runs row and its posts, in the caller's transaction. */
export async function applyRun(tx: Tx, r: RunRequest & { templateVersion: number }) {
  const plan = await planRun(tx, r);
  if (plan.template.version !== r.templateVersion) throw new ConflictError("sopErrors.templateChanged", { currentVersion: plan.template.version });
  if (plan.total === 0) throw new RuleError("sopErrors.nothingToCreate");
  // The calendar's hard daily limit holds for SOPs too; the softer checks were shown in the preview.
  const warnings = await checkProposedPosts(tx, { workspaceId: r.workspaceId, proposed: plan.proposed });
  if (warnings.some((w) => w.severity === "error")) throw new AppError("errors.calendarChecksBlock", undefined, { warnings });
  const runId = newId();
  await tx.insert(sopRuns).values({
    workspaceId: r.workspaceId,
    id: runId,
    templateId: r.templateId,
    templateVersion: plan.template.version,
    groupIds: plan.groups.map((g) => g.groupId),
    startDate: r.startDate,
    endDate: plan.endDate,
    timeZone: r.timeZone,
    channel: r.channel,
    createdBy: r.userId,
  });
  const rows = plan.groups.flatMap((g) => g.posts.map((p) => ({ ...p, runId })));
  await createPosts(tx, r.workspaceId, rows, r.userId, `SOP: ${plan.template.name}`);
  return { runId, created: rows.length, skippedDuplicate: plan.skippedDuplicate, skippedPast: plan.skippedPast };
}
