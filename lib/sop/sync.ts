import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { groups, posts, sopRuns } from "@/db/schema";
import { createPosts, type NewPost } from "@/lib/calendar/posts";
import { transitionPosts } from "@/lib/calendar/status";
import { instantDay } from "@/lib/calendar/time";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { expandRun, periodKey } from "./expand";
import { firstVariants, ownerResolver } from "./owners";
import { getTemplate } from "./queries";
import { postFromStep, type StepPostFields } from "./runs";

type Key = { workspaceId: string; templateId: string };
type Fields = StepPostFields;
export type SyncPlan = {
  version: number;
  runIds: string[];
  updates: { postId: string; set: Fields }[];
  cancels: string[];
  creates: (NewPost & { groupId: string; scheduledAt: Date })[];
  total: number;
};

const EDITABLE = new Set(["draft", "scheduled"]);
const same = (a: Fields, b: Fields) =>
  a.scheduledAt.getTime() === b.scheduledAt.getTime() &&
  a.category === b.category &&
  (a.contentItemId ?? null) === (b.contentItemId ?? null) &&
  (a.variantId ?? null) === (b.variantId ?? null) &&
  a.title === b.title &&
  a.body === b.body &&
  a.notes === b.notes &&
  (a.ownerUserId ?? null) === (b.ownerUserId ?? null);

/**
 * What "update future posts of its runs" would change, for runs made from an older version.
 * A run's posts that are still draft or scheduled and in the future are matched to the new
 * steps by step id and period (the day for daily steps, the week for weekly ones): a match is
 * updated in place, a post whose step is gone is cancelled, a new step gets new posts. A period
 * where the step's post already went out (due, sent, failed) or is past is left alone.
 */
export async function planSync(db: DbOrTx, key: Key & { now: Date; userId: string }): Promise<SyncPlan> {
  const template = await getTemplate(db, key);
  if (!template) throw new NotFoundError();
  const runs = await db
    .select()
    .from(sopRuns)
    .where(and(eq(sopRuns.workspaceId, key.workspaceId), eq(sopRuns.templateId, key.templateId), lt(sopRuns.templateVersion, template.version)));
  const plan: SyncPlan = { version: template.version, runIds: runs.map((r) => r.id), updates: [], cancels: [], creates: [], total: 0 };
  if (!runs.length) return plan;
  const stepOf = new Map(template.steps.map((s) => [s.id, s]));
  const variantOf = await firstVariants(db, key.workspaceId, template.steps.flatMap((s) => (s.contentItemId ? [s.contentItemId] : [])));
  const runPosts = await db
    .select({ id: posts.id, runId: posts.runId, groupId: posts.groupId, stepId: posts.stepId, status: posts.status, scheduledAt: posts.scheduledAt, category: posts.category, contentItemId: posts.contentItemId, variantId: posts.variantId, title: posts.title, body: posts.body, notes: posts.notes, ownerUserId: posts.ownerUserId, channel: posts.channel })
    .from(posts)
    .where(and(eq(posts.workspaceId, key.workspaceId), inArray(posts.runId, plan.runIds)));
  for (const run of runs) {
    const live = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.workspaceId, key.workspaceId), inArray(groups.id, run.groupIds)));
    const ownerOf = await ownerResolver(db, key.workspaceId, run.groupIds, run.createdBy ?? key.userId);
    const { occurrences } = expandRun(template.steps, { startDate: run.startDate, endDate: run.endDate, timeZone: run.timeZone });
    const mine = runPosts.filter((p) => p.runId === run.id);
    for (const { id: groupId } of live) {
      const periodOf = (stepId: string | null, at: Date) => {
        const step = stepId ? stepOf.get(stepId) : undefined;
        return step ? `${stepId}|${periodKey(step.timing, instantDay(at, run.timeZone))}` : null;
      };
      const locked = new Set<string>();
      const open = new Map<string, (typeof mine)[number][]>();
      for (const p of mine.filter((p) => p.groupId === groupId && p.status !== "cancelled")) {
        const k = periodOf(p.stepId, p.scheduledAt);
        if (EDITABLE.has(p.status) && p.scheduledAt > key.now) {
          if (k) open.set(k, [...(open.get(k) ?? []), p]);
          else plan.cancels.push(p.id);
        } else if (k) locked.add(k);
      }
      for (const o of occurrences.filter((o) => o.at > key.now)) {
        const s = stepOf.get(o.stepId)!;
        const k = `${s.id}|${periodKey(s.timing, o.day)}`;
        if (locked.has(k)) continue;
        const want = postFromStep(s, o.at, ownerOf(groupId, s.ownerRole), variantOf);
        const match = open.get(k)?.shift();
        if (match) {
          if (!same(match, want)) plan.updates.push({ postId: match.id, set: want });
        } else plan.creates.push({ ...want, groupId, stepId: s.id, runId: run.id, channel: run.channel });
      }
      for (const rest of open.values()) plan.cancels.push(...rest.map((p) => p.id));
    }
  }
  plan.total = plan.updates.length + plan.cancels.length + plan.creates.length;
  return plan;
}

/** Carries out planSync in the caller's transaction; the runs then count as up to date. */
export async function syncRuns(tx: Tx, key: Key & { now: Date; userId: string; templateVersion: number }) {
  const plan = await planSync(tx, key);
  if (plan.version !== key.templateVersion) throw new ConflictError("sopErrors.templateChanged", { currentVersion: plan.version });
  for (const u of plan.updates) {
    // Only a post still waiting is rewritten: one that fell due meanwhile keeps what it had.
    await tx
      .update(posts)
      .set({ ...u.set, version: sql`${posts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(posts.workspaceId, key.workspaceId), eq(posts.id, u.postId), inArray(posts.status, ["draft", "scheduled"])));
  }
  const cancelled = await transitionPosts(tx, { workspaceId: key.workspaceId, postIds: plan.cancels, to: "cancelled", actorUserId: key.userId, note: "SOP 模板已更新:步骤已删除" });
  if (plan.creates.length) await createPosts(tx, key.workspaceId, plan.creates, key.userId, "SOP 模板已更新:新步骤");
  if (plan.runIds.length) {
    await tx
      .update(sopRuns)
      .set({ templateVersion: plan.version })
      .where(and(eq(sopRuns.workspaceId, key.workspaceId), inArray(sopRuns.id, plan.runIds)));
  }
  return { updated: plan.updates.length, cancelled: cancelled.length, created: plan.creates.length, runs: plan.runIds.length };
}
