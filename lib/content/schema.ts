import { z } from "zod";
import type { ContentCategory, ContentFormat } from "@/db/schema";

/** The enums of db/schema/calendar.ts, repeated here so client forms need no database import. */
export const CATEGORIES = ["product", "values", "interaction", "activity"] as const satisfies readonly ContentCategory[];
export const FORMATS = ["text", "image_text", "link", "mini_program"] as const satisfies readonly ContentFormat[];

/** WeChat refuses a text message longer than this. */
export const MAX_TEXT = 4000;
/** WeChat sends at most nine pictures at once. */
export const MAX_IMAGES = 9;
export const MAX_VARIANTS = 6;
export const MAX_TAGS = 12;
export const MAX_TAG_LENGTH = 20;

/** Every form posts repeated fields; one value arrives as a string, none as undefined. */
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown) => (typeof v === "string" ? v : "");

/** Tags are typed as one line, separated by commas (either width), 、 or spaces. */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>();
  for (const t of raw.split(/[,,、\s]+/)) {
    const tag = t.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function textLength(value: string): number {
  return [...value].length;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}

const variantSchema = z.object({
  id: z.union([z.literal(""), z.uuid("validation.invalid")]).transform((v) => v || null),
  label: z.string().trim().min(1, "validation.required").max(20, "validation.tooLong"),
  // Counted in characters (code points) as WeChat and the database count them, not UTF-16 units.
  body: z.string().refine((v) => textLength(v) <= MAX_TEXT, "contentErrors.textTooLong"),
  linkUrl: z
    .string()
    .trim()
    .max(2000, "validation.tooLong")
    .refine((v) => v === "" || isHttpUrl(v), "contentErrors.badUrl")
    .transform((v) => v || null),
  miniProgramTitle: z.string().trim().max(60, "validation.tooLong").transform((v) => v || null),
  miniProgramPath: z.string().trim().max(300, "validation.tooLong").transform((v) => v || null),
  imageUploadIds: z.array(z.uuid("validation.invalid")).max(MAX_IMAGES, "contentErrors.tooManyImages"),
});
export type VariantInput = z.infer<typeof variantSchema>;

/**
 * Variants come in as parallel lists (one entry per variant, in order); each variant's images
 * are one field of comma-separated upload ids.
 */
const zipVariants = (raw: unknown) => {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.variants)) return r;
  const labels = list(r.variantLabel);
  const at = (name: string, i: number) => text(list(r[name])[i]);
  return {
    ...r,
    variants: labels.map((label, i) => ({
      id: at("variantId", i),
      label: text(label),
      body: at("variantBody", i),
      linkUrl: at("variantLinkUrl", i),
      miniProgramTitle: at("variantMiniProgramTitle", i),
      miniProgramPath: at("variantMiniProgramPath", i),
      imageUploadIds: at("variantImages", i).split(",").filter(Boolean),
    })),
  };
};

const itemObject = z.object({
  title: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
  category: z.enum(CATEGORIES, "contentErrors.category"),
  format: z.enum(FORMATS, "contentErrors.format"),
  tags: z
    .preprocess((v) => (typeof v === "string" ? splitTags(v) : list(v)), z.array(z.string().max(MAX_TAG_LENGTH, "contentErrors.tagTooLong")))
    .refine((v) => v.length <= MAX_TAGS, "contentErrors.tooManyTags"),
  variants: z.array(variantSchema).min(1, "contentErrors.variantNeeded").max(MAX_VARIANTS, "validation.tooMany"),
});
export type ContentItemFields = z.infer<typeof itemObject>;

/** What each format needs in every variant, so no post goes out half-made. */
function formatNeeds(v: ContentItemFields, ctx: z.RefinementCtx) {
  const labels = new Set<string>();
  v.variants.forEach((x, i) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: "custom", message, path: ["variants", i, field] });
    if (labels.has(x.label)) at("label", "contentErrors.duplicateLabel");
    labels.add(x.label);
    if (v.format === "text" && !x.body.trim()) at("body", "contentErrors.textNeeded");
    if (v.format === "image_text" && x.imageUploadIds.length === 0) at("imageUploadIds", "contentErrors.imageNeeded");
    if (v.format === "link" && !x.linkUrl) at("linkUrl", "contentErrors.urlNeeded");
    if (v.format === "mini_program") {
      if (!x.miniProgramTitle) at("miniProgramTitle", "contentErrors.miniProgramTitleNeeded");
      if (!x.miniProgramPath) at("miniProgramPath", "contentErrors.miniProgramPathNeeded");
      if (x.imageUploadIds.length === 0) at("imageUploadIds", "contentErrors.coverNeeded");
    }
  });
}

export const createContentItemSchema = z.preprocess(zipVariants, itemObject.superRefine(formatNeeds));
export const updateContentItemSchema = z.preprocess(zipVariants, itemObject.extend({ itemId: z.uuid() }).superRefine(formatNeeds));
export const contentItemRefSchema = z.object({ itemId: z.uuid() });

/** The library's list filters, from the URL: anything unknown is simply no filter. */
export const contentFiltersSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  format: z.enum(FORMATS).optional().catch(undefined),
  tag: z.string().trim().max(MAX_TAG_LENGTH).catch(""),
  archived: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type ContentFilters = z.infer<typeof contentFiltersSchema>;
