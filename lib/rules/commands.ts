import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { faqEntries, groupFaqPins, groups, moderationRules, quickReplies, welcomeMessages } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { RuleConfig } from "./moderation";
import type { WelcomeContent } from "./welcome";

type Key = { workspaceId: string };

async function assertGroup(tx: Tx, workspaceId: string, groupId: string) {
  const [g] = await tx.select({ id: groups.id }).from(groups).where(and(eq(groups.workspaceId, workspaceId), eq(groups.id, groupId)));
  if (!g) throw new NotFoundError();
}

/** A group's message is one row per group (upsert); a template is created or updated by id. */
export async function saveWelcome(tx: Tx, input: Key & { userId: string; groupId?: string | null; templateId?: string | null; name: string; content: WelcomeContent }) {
  const values = { name: input.name, content: input.content, updatedAt: new Date(), updatedBy: input.userId };
  if (input.groupId) {
    await assertGroup(tx, input.workspaceId, input.groupId);
    const id = newId();
    await tx
      .insert(welcomeMessages)
      .values({ workspaceId: input.workspaceId, id, groupId: input.groupId, ...values })
      .onConflictDoUpdate({ target: [welcomeMessages.workspaceId, welcomeMessages.groupId], targetWhere: sql`group_id is not null`, set: values });
    return { id };
  }
  if (input.templateId) {
    const rows = await tx
      .update(welcomeMessages)
      .set(values)
      .where(and(eq(welcomeMessages.workspaceId, input.workspaceId), eq(welcomeMessages.id, input.templateId), sql`group_id is null`))
      .returning({ id: welcomeMessages.id });
    if (rows.length === 0) throw new NotFoundError();
    return { id: input.templateId };
  }
  const id = newId();
  await tx.insert(welcomeMessages).values({ workspaceId: input.workspaceId, id, ...values });
  return { id };
}

export async function deleteTemplate(tx: Tx, input: Key & { templateId: string }) {
  const rows = await tx
    .delete(welcomeMessages)
    .where(and(eq(welcomeMessages.workspaceId, input.workspaceId), eq(welcomeMessages.id, input.templateId), sql`group_id is null`))
    .returning({ id: welcomeMessages.id });
  if (rows.length === 0) throw new NotFoundError();
}

export async function saveFaq(tx: Tx, input: Key & { faqId?: string | null; category: string; question: string; answer: string }) {
  const { faqId, workspaceId, ...fields } = input;
  if (faqId) {
    const rows = await tx.update(faqEntries).set(fields).where(and(eq(faqEntries.workspaceId, workspaceId), eq(faqEntries.id, faqId))).returning({ id: faqEntries.id });
    if (rows.length === 0) throw new NotFoundError();
    return { id: faqId };
  }
  const id = newId();
  await tx.insert(faqEntries).values({ workspaceId, id, ...fields });
  return { id };
}

export async function deleteFaq(tx: Tx, input: Key & { faqId: string }) {
  const rows = await tx.delete(faqEntries).where(and(eq(faqEntries.workspaceId, input.workspaceId), eq(faqEntries.id, input.faqId))).returning({ id: faqEntries.id });
  if (rows.length === 0) throw new NotFoundError();
}

export async function pinFaq(tx: Tx, input: Key & { groupId: string; faqId: string; pinned: boolean }) {
  await assertGroup(tx, input.workspaceId, input.groupId);
  const [f] = await tx.select({ id: faqEntries.id }).from(faqEntries).where(and(eq(faqEntries.workspaceId, input.workspaceId), eq(faqEntries.id, input.faqId)));
  if (!f) throw new NotFoundError();
  const key = { workspaceId: input.workspaceId, groupId: input.groupId, faqId: input.faqId };
  if (input.pinned) await tx.insert(groupFaqPins).values(key).onConflictDoNothing();
  else await tx.delete(groupFaqPins).where(and(eq(groupFaqPins.workspaceId, key.workspaceId), eq(groupFaqPins.groupId, key.groupId), eq(groupFaqPins.faqId, key.faqId)));
}

export async function createQuickReply(tx: Tx, input: Key & { keyword: string; body: string }) {
  const id = newId();
  const rows = await tx.insert(quickReplies).values({ workspaceId: input.workspaceId, id, keyword: input.keyword, body: input.body }).onConflictDoNothing().returning({ id: quickReplies.id });
  if (rows.length === 0) throw new RuleError("validation.keywordTaken", "keyword");
  return { id };
}

/** Counted each time someone copies the reply, so the most useful ones rise to the top. */
export async function countReplyUse(tx: Tx, input: Key & { replyId: string }) {
  const rows = await tx
    .update(quickReplies)
    .set({ uses: sql`${quickReplies.uses} + 1` })
    .where(and(eq(quickReplies.workspaceId, input.workspaceId), eq(quickReplies.id, input.replyId)))
    .returning({ uses: quickReplies.uses });
  if (rows.length === 0) throw new NotFoundError();
  return { uses: rows[0]?.uses ?? 0 };
}

export async function deleteQuickReply(tx: Tx, input: Key & { replyId: string }) {
  const rows = await tx.delete(quickReplies).where(and(eq(quickReplies.workspaceId, input.workspaceId), eq(quickReplies.id, input.replyId))).returning({ id: quickReplies.id });
  if (rows.length === 0) throw new NotFoundError();
}

export async function createModerationRule(tx: Tx, input: Key & { groupId: string | null; name: string; config: RuleConfig; action: "warn" | "remove"; warningText: string }) {
  if (input.groupId) await assertGroup(tx, input.workspaceId, input.groupId);
  const id = newId();
  await tx.insert(moderationRules).values({ workspaceId: input.workspaceId, id, groupId: input.groupId, name: input.name, kind: input.config.kind, config: input.config, action: input.action, warningText: input.warningText });
  return { id };
}

export async function deleteModerationRule(tx: Tx, input: Key & { ruleId: string }) {
  const rows = await tx.delete(moderationRules).where(and(eq(moderationRules.workspaceId, input.workspaceId), eq(moderationRules.id, input.ruleId))).returning({ id: moderationRules.id });
  if (rows.length === 0) throw new NotFoundError();
}
