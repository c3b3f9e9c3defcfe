import "server-only";
import { and, asc, count, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, contentVariants, groups, posts, sopRuns, sopSteps, sopTemplates } from "@/db/schema";
import type { ExportTemplate, ExportStep } from "./exchange";

type Key = { workspaceId: string; templateId: string };

export async function listTemplates(db: DbOrTx, workspaceId: string) {
  const [rows, steps, runs] = await Promise.all([
    db.select().from(sopTemplates).where(eq(sopTemplates.workspaceId, workspaceId)).orderBy(asc(sopTemplates.name)),
    db
      .select({ templateId: sopSteps.templateId, n: count(), timing: sql<string>`min(${sopSteps.timing}::text)` })
      .from(sopSteps)
      .where(eq(sopSteps.workspaceId, workspaceId))
      .groupBy(sopSteps.templateId),
    db.select({ templateId: sopRuns.templateId, n: count() }).from(sopRuns).where(eq(sopRuns.workspaceId, workspaceId)).groupBy(sopRuns.templateId),
  ]);
  const stepBy = new Map(steps.map((s) => [s.templateId, s]));
  const runBy = new Map(runs.map((r) => [r.templateId, r.n]));
  return rows.map((t) => ({
    ...t,
    stepCount: stepBy.get(t.id)?.n ?? 0,
    timing: (stepBy.get(t.id)?.timing ?? null) as ExportStep["timing"] | null,
    runCount: runBy.get(t.id) ?? 0,
  }));
}

/** A template with its steps in order; library steps carry the item's title and variant label. */
export async function getTemplate(db: DbOrTx, key: Key) {
  const [template] = await db
    .select()
    .from(sopTemplates)
    .where(and(eq(sopTemplates.workspaceId, key.workspaceId), eq(sopTemplates.id, key.templateId)));
  if (!template) return null;
  const steps = await db
    .select({ step: sopSteps, itemTitle: contentItems.title, variantLabel: contentVariants.label })
    .from(sopSteps)
    .leftJoin(contentItems, and(eq(contentItems.workspaceId, sopSteps.workspaceId), eq(contentItems.id, sopSteps.contentItemId)))
    .leftJoin(contentVariants, and(eq(contentVariants.workspaceId, sopSteps.workspaceId), eq(contentVariants.id, sopSteps.variantId)))
    .where(and(eq(sopSteps.workspaceId, key.workspaceId), eq(sopSteps.templateId, key.templateId)))
    .orderBy(asc(sopSteps.position));
  return {
    ...template,
    steps: steps.map(({ step: s, itemTitle, variantLabel }) => ({
      id: s.id,
      timing: s.timing,
      weekday: s.weekday,
      dayOffset: s.dayOffset,
      time: s.timeOfDay,
      contentItemId: s.contentItemId,
      variantId: s.variantId,
      title: s.title,
      inlineText: s.inlineText,
      category: s.category,
      ownerRole: s.ownerRole,
      notes: s.notes,
      itemTitle: itemTitle ?? null,
      variantLabel: variantLabel ?? null,
    })),
  };
}
export type TemplateDetail = NonNullable<Awaited<ReturnType<typeof getTemplate>>>;

export function exportTemplateOf(t: TemplateDetail): ExportTemplate {
  return { name: t.name, description: t.description, communityType: t.communityType, anchorLabel: t.anchorLabel, version: t.version, steps: t.steps };
}

/** A template's runs, newest first, with their groups' names and how many posts are still to go. */
export async function listRuns(db: DbOrTx, key: Key) {
  const runs = await db
    .select()
    .from(sopRuns)
    .where(and(eq(sopRuns.workspaceId, key.workspaceId), eq(sopRuns.templateId, key.templateId)))
    .orderBy(sql`${sopRuns.createdAt} desc`);
  if (!runs.length) return [];
  const groupIds = [...new Set(runs.flatMap((r) => r.groupIds))];
  const [names, counts] = await Promise.all([
    db.select({ id: groups.id, name: groups.name }).from(groups).where(and(eq(groups.workspaceId, key.workspaceId), inArray(groups.id, groupIds))),
    db
      .select({ runId: posts.runId, status: posts.status, n: count() })
      .from(posts)
      .where(and(eq(posts.workspaceId, key.workspaceId), inArray(posts.runId, runs.map((r) => r.id))))
      .groupBy(posts.runId, posts.status),
  ]);
  const nameOf = new Map(names.map((g) => [g.id, g.name]));
  return runs.map((r) => {
    const mine = counts.filter((c) => c.runId === r.id);
    return {
      ...r,
      groupNames: r.groupIds.map((id) => nameOf.get(id)).filter((n): n is string => !!n),
      posts: mine.reduce((n, c) => n + c.n, 0),
      open: mine.filter((c) => c.status === "draft" || c.status === "scheduled").reduce((n, c) => n + c.n, 0),
    };
  });
}

/** Groups a template can be applied to: every group that has not ended or been archived. */
export async function listApplicableGroups(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: groups.id, name: groups.name, communityType: groups.communityType, stage: groups.stage })
    .from(groups)
    .where(and(eq(groups.workspaceId, workspaceId), notInArray(groups.stage, ["ended", "archived"])))
    .orderBy(asc(groups.name));
}
