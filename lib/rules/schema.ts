import { z } from "zod";
import { MODERATION_ACTIONS, ruleConfigSchema } from "./moderation";
import { welcomeContentSchema } from "./welcome";

const optionalId = z.union([z.literal(""), z.uuid()]).transform((v) => v || null);

/** A group's own welcome message (groupId) or a workspace template (templateId or a new one). */
export const saveWelcomeSchema = z.object({
  groupId: optionalId.optional(),
  templateId: optionalId.optional(),
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  content: welcomeContentSchema,
});
export const deleteTemplateSchema = z.object({ templateId: z.uuid() });

export const faqSchema = z.object({
  faqId: optionalId.optional(),
  category: z.string().trim().max(30, "validation.tooLong"),
  question: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  answer: z.string().trim().min(1, "validation.required").max(2000, "validation.tooLong"),
});
export const deleteFaqSchema = z.object({ faqId: z.uuid() });
export const pinFaqSchema = z.object({ groupId: z.uuid(), faqId: z.uuid(), pinned: z.enum(["true", "false"]).transform((v) => v === "true") });

export const quickReplySchema = z.object({
  keyword: z.string().trim().min(1, "validation.required").max(20, "validation.tooLong"),
  body: z.string().trim().min(1, "validation.required").max(1000, "validation.tooLong"),
});
export const replyRefSchema = z.object({ replyId: z.uuid() });

export const moderationRuleSchema = z.object({
  groupId: optionalId,
  name: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
  config: ruleConfigSchema,
  action: z.enum(MODERATION_ACTIONS),
  warningText: z.string().trim().max(200, "validation.tooLong"),
});
export const ruleRefSchema = z.object({ ruleId: z.uuid() });

export const testRulesSchema = z.object({
  groupId: optionalId,
  text: z.string().max(2000, "validation.tooLong"),
  recentCount: z.coerce.number().int().min(0, "validation.ruleRange").max(1000, "validation.ruleRange"),
  sender: z.string().trim().max(40).optional(),
});
