import { z } from "zod";
import { DAY_RE, TIME_RE } from "./time";

/** Forms use these too: no server imports here. */
export const POST_CATEGORIES = ["product", "values", "interaction", "activity"] as const;
export const POST_CHANNELS = ["manual", "webhook", "wecom"] as const;
/** WeChat's limit for one text message. */
export const POST_TEXT_MAX = 4000;

const uuid = z.uuid({ message: "validation.invalid" });
const optionalUuid = z.union([z.literal(""), uuid]).optional().transform((v) => v || null);
const day = z.string().regex(DAY_RE, { message: "validation.date" });
const time = z.string().regex(TIME_RE, { message: "validation.calendarTime" });
/** "Save anyway" after the checks' warnings were shown. */
const confirm = z
  .union([z.literal("1"), z.literal("0"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "1");
const version = z.coerce.number({ message: "validation.invalid" }).int().min(1);

export const movePostSchema = z.object({ postId: uuid, version, day, time, confirm });

const postFields = {
  day,
  time,
  contentMode: z.enum(["library", "inline"], { message: "validation.invalid" }),
  contentItemId: optionalUuid,
  variantId: optionalUuid,
  title: z.string().trim().max(200, { message: "validation.tooLong" }).default(""),
  body: z.string().max(POST_TEXT_MAX, { message: "validation.postTextTooLong" }).default(""),
  category: z.enum(POST_CATEGORIES, { message: "validation.invalid" }),
  channel: z.enum(POST_CHANNELS, { message: "validation.invalid" }),
  ownerUserId: optionalUuid,
  notes: z.string().max(2000, { message: "validation.tooLong" }).default(""),
  confirm,
};

function contentPresent(v: { contentMode: string; contentItemId: string | null; title: string; body: string }, ctx: z.RefinementCtx) {
  if (v.contentMode === "library" && !v.contentItemId) ctx.addIssue({ code: "custom", path: ["contentItemId"], message: "validation.required" });
  if (v.contentMode === "inline" && !v.title && !v.body.trim()) ctx.addIssue({ code: "custom", path: ["title"], message: "validation.postTitleOrText" });
}

export const updatePostSchema = z.object({ postId: uuid, version, ...postFields }).superRefine(contentPresent);
export const createPostSchema = z.object({ groupId: uuid, ...postFields }).superRefine(contentPresent);
export const postRefSchema = z.object({ postId: uuid });
export const markNotificationsReadSchema = z.object({ notificationId: optionalUuid });

export type PostFields = z.output<typeof updatePostSchema>;
