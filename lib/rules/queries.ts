import "server-only";
import { and, asc, desc, eq, ilike, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { faqEntries, groupFaqPins, moderationRules, quickReplies, welcomeMessages } from "@/db/schema";
import type { RuleConfig, TestableRule } from "./moderation";
import { welcomeContentSchema, type WelcomeContent } from "./welcome";

const like = (q: string) => `%${q.replace(/[%_\\]/g, "\\$&")}%`;

export async function getGroupWelcome(db: DbOrTx, q: { workspaceId: string; groupId: string }) {
  const [row] = await db
    .select()
    .from(welcomeMessages)
    .where(and(eq(welcomeMessages.workspaceId, q.workspaceId), eq(welcomeMessages.groupId, q.groupId)))
    .limit(1);
  return row ? { ...row, content: welcomeContentSchema.parse(row.content) as WelcomeContent } : null;
}

export async function listTemplates(db: DbOrTx, workspaceId: string) {
  const rows = await db
    .select()
    .from(welcomeMessages)
    .where(and(eq(welcomeMessages.workspaceId, workspaceId), isNull(welcomeMessages.groupId)))
    .orderBy(asc(welcomeMessages.name));
  return rows.map((r) => ({ id: r.id, name: r.name, content: welcomeContentSchema.parse(r.content) as WelcomeContent }));
}

export async function listFaq(db: DbOrTx, q: { workspaceId: string; search?: string; category?: string }) {
  return db
    .select()
    .from(faqEntries)
    .where(
      and(
        eq(faqEntries.workspaceId, q.workspaceId),
        q.category ? eq(faqEntries.category, q.category) : undefined,
        q.search ? or(ilike(faqEntries.question, like(q.search)), ilike(faqEntries.answer, like(q.search))) : undefined,
      ),
    )
    .orderBy(asc(faqEntries.category), asc(faqEntries.question));
}

export async function listPinnedFaqIds(db: DbOrTx, q: { workspaceId: string; groupId: string }) {
  const rows = await db
    .select({ faqId: groupFaqPins.faqId })
    .from(groupFaqPins)
    .where(and(eq(groupFaqPins.workspaceId, q.workspaceId), eq(groupFaqPins.groupId, q.groupId)));
  return rows.map((r) => r.faqId);
}

export async function listQuickReplies(db: DbOrTx, q: { workspaceId: string; search?: string }) {
  return db
    .select()
    .from(quickReplies)
    .where(and(eq(quickReplies.workspaceId, q.workspaceId), q.search ? or(ilike(quickReplies.keyword, like(q.search)), ilike(quickReplies.body, like(q.search))) : undefined))
    .orderBy(desc(quickReplies.uses), asc(quickReplies.keyword));
}

/** The rules that apply in a group: the workspace's own plus the group's. */
export async function listModerationRules(db: DbOrTx, q: { workspaceId: string; groupId?: string | null; all?: boolean }) {
  const rows = await db
    .select()
    .from(moderationRules)
    .where(
      and(
        eq(moderationRules.workspaceId, q.workspaceId),
        q.all ? undefined : q.groupId ? or(isNull(moderationRules.groupId), eq(moderationRules.groupId, q.groupId)) : isNull(moderationRules.groupId),
      ),
    )
    .orderBy(asc(moderationRules.createdAt));
  return rows.map((r) => ({ ...r, config: r.config as RuleConfig }));
}

export function asTestable(rows: Awaited<ReturnType<typeof listModerationRules>>): TestableRule[] {
  return rows.filter((r) => r.enabled).map((r) => ({ id: r.id, name: r.name, config: r.config, action: r.action, warningText: r.warningText }));
}
