"use server";

import { workspaceAction } from "@/lib/action";
import {
  countReplyUse,
  createModerationRule,
  createQuickReply,
  deleteFaq,
  deleteModerationRule,
  deleteQuickReply,
  deleteTemplate,
  pinFaq,
  saveFaq,
  saveWelcome,
} from "@/lib/rules/commands";
import {
  deleteFaqSchema,
  deleteTemplateSchema,
  faqSchema,
  moderationRuleSchema,
  pinFaqSchema,
  quickReplySchema,
  replyRefSchema,
  ruleRefSchema,
  saveWelcomeSchema,
} from "@/lib/rules/schema";

export const saveWelcomeAction = workspaceAction(
  { role: "operator", schema: saveWelcomeSchema, revalidate: "" },
  ({ db, workspaceId, session }, i) => saveWelcome(db, { workspaceId, userId: session.user.id, ...i }),
  (i, d) => ({ action: i.groupId ? "welcome.save" : "welcome_template.save", targetType: i.groupId ? "group" : "welcome_template", targetId: i.groupId ?? d.id }),
);

export const deleteTemplateAction = workspaceAction(
  { role: "operator", schema: deleteTemplateSchema, revalidate: "rules" },
  ({ db, workspaceId }, i) => deleteTemplate(db, { workspaceId, ...i }),
  (i) => ({ action: "welcome_template.delete", targetType: "welcome_template", targetId: i.templateId }),
);

export const saveFaqAction = workspaceAction(
  { role: "operator", schema: faqSchema, revalidate: "" },
  ({ db, workspaceId }, i) => saveFaq(db, { workspaceId, ...i }),
  (i, d) => ({ action: "faq.save", targetType: "faq", targetId: d.id, data: { question: i.question } }),
);

export const deleteFaqAction = workspaceAction(
  { role: "operator", schema: deleteFaqSchema, revalidate: "" },
  ({ db, workspaceId }, i) => deleteFaq(db, { workspaceId, ...i }),
  (i) => ({ action: "faq.delete", targetType: "faq", targetId: i.faqId }),
);

export const pinFaqAction = workspaceAction(
  { role: "operator", schema: pinFaqSchema, revalidate: "groups" },
  ({ db, workspaceId }, i) => pinFaq(db, { workspaceId, ...i }),
  (i) => ({ action: i.pinned ? "faq.pin" : "faq.unpin", targetType: "group", targetId: i.groupId, data: { faq: i.faqId } }),
);

export const createQuickReplyAction = workspaceAction(
  { role: "operator", schema: quickReplySchema, revalidate: "rules" },
  ({ db, workspaceId }, i) => createQuickReply(db, { workspaceId, ...i }),
  (i, d) => ({ action: "quick_reply.create", targetType: "quick_reply", targetId: d.id, data: { keyword: i.keyword } }),
);

/** Copying a reply is what counts as using it; viewers (store owners) may copy too. */
export const countReplyUseAction = workspaceAction(
  { role: "viewer", schema: replyRefSchema, revalidate: "rules" },
  ({ db, workspaceId }, i) => countReplyUse(db, { workspaceId, ...i }),
  (i) => ({ action: "quick_reply.use", targetType: "quick_reply", targetId: i.replyId }),
);

export const deleteQuickReplyAction = workspaceAction(
  { role: "operator", schema: replyRefSchema, revalidate: "rules" },
  ({ db, workspaceId }, i) => deleteQuickReply(db, { workspaceId, ...i }),
  (i) => ({ action: "quick_reply.delete", targetType: "quick_reply", targetId: i.replyId }),
);

export const createModerationRuleAction = workspaceAction(
  { role: "operator", schema: moderationRuleSchema, revalidate: "rules" },
  ({ db, workspaceId }, i) => createModerationRule(db, { workspaceId, ...i }),
  (i, d) => ({ action: "moderation_rule.create", targetType: "moderation_rule", targetId: d.id, data: { name: i.name, kind: i.config.kind } }),
);

export const deleteModerationRuleAction = workspaceAction(
  { role: "operator", schema: ruleRefSchema, revalidate: "rules" },
  ({ db, workspaceId }, i) => deleteModerationRule(db, { workspaceId, ...i }),
  (i) => ({ action: "moderation_rule.delete", targetType: "moderation_rule", targetId: i.ruleId }),
);
