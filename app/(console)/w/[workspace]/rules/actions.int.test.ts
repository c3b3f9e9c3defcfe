import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups, quickReplies } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { newId } from "@/lib/ids";
import { testMessage } from "@/lib/rules/moderation";
import { asTestable, getGroupWelcome, listModerationRules, listPinnedFaqIds } from "@/lib/rules/queries";
import { emptyWelcome } from "@/lib/rules/welcome";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { countReplyUseAction, createModerationRuleAction, createQuickReplyAction, pinFaqAction, saveFaqAction, saveWelcomeAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

async function groupIn(workspaceId: string) {
  const id = newId();
  await getDb().insert(groups).values({ workspaceId, id, name: `群 ${id.slice(-4)}`, stage: "active" });
  return id;
}

describe("welcome messages", () => {
  it("are saved once per group, and refused with field errors when too long or malformed", async () => {
    const ws = await makeWorkspace("welcome");
    const groupId = await groupIn(ws.workspaceId);
    current.session = await sessionFor(ws.operator);
    const content = emptyWelcome();
    content.parts.forbidden = "禁止发广告,违者移出";
    expect(await saveWelcomeAction(ws.workspaceId, null, { groupId, name: "x", content })).toMatchObject({ ok: true });
    content.parts.forbidden = "禁止发广告、链接和红包";
    expect(await saveWelcomeAction(ws.workspaceId, null, { groupId, name: "x", content })).toMatchObject({ ok: true });
    expect((await getGroupWelcome(getDb(), { workspaceId: ws.workspaceId, groupId }))?.content.parts.forbidden).toBe("禁止发广告、链接和红包");

    const bad = { ...content, parts: { ...content.parts, services: "好".repeat(301) }, questionnaire: [{ question: "你喜欢什么?", options: [{ label: "咖啡", tag: "兴趣:咖啡" }] }] };
    expect(await saveWelcomeAction(ws.workspaceId, null, { groupId, name: "x", content: bad })).toMatchObject({
      ok: false,
      fieldErrors: { "content.parts.services": ["validation.tooLong"], "content.questionnaire.0.options": ["validation.twoOptions"] },
    });
  });

  it("of another workspace's group are not found, and viewers cannot write them", async () => {
    const ws = await makeWorkspace("welcome-home");
    const other = await makeWorkspace("welcome-other");
    const groupId = await groupIn(ws.workspaceId);
    current.session = await sessionFor(other.owner);
    expect(await saveWelcomeAction(other.workspaceId, null, { groupId, name: "x", content: emptyWelcome() })).toMatchObject({ ok: false, error: "errors.notFound" });
    current.session = await sessionFor(ws.viewer);
    expect(await saveWelcomeAction(ws.workspaceId, null, { groupId, name: "x", content: emptyWelcome() })).toMatchObject({ ok: false, error: "errors.forbidden" });
  });
});

describe("FAQ and quick replies", () => {
  it("pin per group, count copies, and keep keywords unique", async () => {
    const ws = await makeWorkspace("faq");
    const other = await makeWorkspace("faq-other");
    const groupId = await groupIn(ws.workspaceId);
    current.session = await sessionFor(ws.operator);
    const faq = await saveFaqAction(ws.workspaceId, null, { category: "配送", question: "几点送达?", answer: "下单后 2 小时内送达" });
    if (!faq.ok) throw new Error(faq.error);
    expect(await pinFaqAction(ws.workspaceId, null, { groupId, faqId: faq.data.id, pinned: "true" })).toMatchObject({ ok: true });
    expect(await listPinnedFaqIds(getDb(), { workspaceId: ws.workspaceId, groupId })).toEqual([faq.data.id]);

    const reply = await createQuickReplyAction(ws.workspaceId, null, { keyword: "营业时间", body: "每天 9:00–21:00" });
    if (!reply.ok) throw new Error(reply.error);
    expect(await createQuickReplyAction(ws.workspaceId, null, { keyword: "营业时间", body: "重复" })).toMatchObject({ ok: false, fieldErrors: { keyword: ["validation.keywordTaken"] } });
    current.session = await sessionFor(ws.viewer);
    expect(await countReplyUseAction(ws.workspaceId, null, { replyId: reply.data.id })).toEqual({ ok: true, data: { uses: 1 } });

    current.session = await sessionFor(other.owner);
    expect(await pinFaqAction(other.workspaceId, null, { groupId, faqId: faq.data.id, pinned: "true" })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await countReplyUseAction(other.workspaceId, null, { replyId: reply.data.id })).toMatchObject({ ok: false, error: "errors.notFound" });
    const [row] = await getDb().select().from(quickReplies).where(and(eq(quickReplies.workspaceId, ws.workspaceId), eq(quickReplies.id, reply.data.id)));
    expect(row?.uses).toBe(1);
  });
});

describe("anti-harassment rules", () => {
  it("apply workspace rules everywhere and group rules only in their group", async () => {
    const ws = await makeWorkspace("moderation");
    const [a, b] = [await groupIn(ws.workspaceId), await groupIn(ws.workspaceId)];
    current.session = await sessionFor(ws.operator);
    expect(await createModerationRuleAction(ws.workspaceId, null, { groupId: "", name: "广告", action: "remove", warningText: "已移出", config: { kind: "keyword", keywords: ["代购"] } })).toMatchObject({ ok: true });
    expect(await createModerationRuleAction(ws.workspaceId, null, { groupId: a, name: "刷屏", action: "warn", warningText: "请慢一点", config: { kind: "flood", maxMessages: "3", windowSeconds: "60" } })).toMatchObject({ ok: true });
    expect(await createModerationRuleAction(ws.workspaceId, null, { groupId: "", name: "坏规则", action: "warn", warningText: "", config: { kind: "pattern", pattern: "((" } })).toMatchObject({
      ok: false,
      fieldErrors: { "config.pattern": ["validation.badPattern"] },
    });
    const inA = asTestable(await listModerationRules(getDb(), { workspaceId: ws.workspaceId, groupId: a }));
    const inB = asTestable(await listModerationRules(getDb(), { workspaceId: ws.workspaceId, groupId: b }));
    const spam = { text: "代购正品", recentCount: 3 };
    expect(testMessage(inA, spam).verdicts.map((v) => v.name)).toEqual(["广告", "刷屏"]);
    expect(testMessage(inB, spam).verdicts.map((v) => v.name)).toEqual(["广告"]);
  });
});
