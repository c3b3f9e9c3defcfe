import { z } from "zod";
import { TIME_RE } from "@/lib/calendar/time";
import { stepOrderProblems } from "./order";

/** Forms and imports share these shapes; no server imports, so client components may use them. */
export const SOP_TIMINGS = ["daily", "weekly", "relative"] as const;
export const SOP_OWNER_ROLES = ["group_owner", "group_admin", "operator"] as const;
export const CONTENT_CATEGORIES = ["product", "values", "interaction", "activity"] as const;
export const POST_CHANNELS = ["manual", "webhook", "wecom"] as const;
export const ANCHOR_SUGGESTIONS = ["开课日", "上新日", "建群日", "活动日"] as const;

export const MAX_STEPS = 60;
export const MAX_TEXT = 4000;
/** A run of a daily or weekly template covers at most this many days (about a quarter). */
export const MAX_RUN_DAYS = 92;
export const MAX_RUN_GROUPS = 100;
export const MAX_DAY_OFFSET = 365;

export type SopTiming = (typeof SOP_TIMINGS)[number];
export type SopOwnerRole = (typeof SOP_OWNER_ROLES)[number];
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const optionalUuid = z.preprocess(emptyToNull, z.uuid("validation.invalid").nullable());
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(emptyToNull, z.coerce.number("validation.number").int("validation.integer").min(min, message).max(max, message).nullable());

/** One row of an SOP as forms, imports and commands see it (the table's columns, flat). */
export const stepSchema = z
  .object({
    id: optionalUuid.optional(),
    timing: z.enum(SOP_TIMINGS, "validation.invalid"),
    weekday: optionalInt(1, 7, "sopErrors.weekday"),
    dayOffset: optionalInt(-MAX_DAY_OFFSET, MAX_DAY_OFFSET, "sopErrors.dayOffset"),
    time: z.string().trim().regex(TIME_RE, "sopErrors.time"),
    contentItemId: optionalUuid,
    variantId: optionalUuid,
    title: z.string().trim().max(100, "validation.tooLong").default(""),
    inlineText: z.string().max(MAX_TEXT, "sopErrors.textTooLong").default(""),
    category: z.enum(CONTENT_CATEGORIES, "validation.invalid"),
    ownerRole: z.enum(SOP_OWNER_ROLES, "validation.invalid"),
    notes: z.string().trim().max(500, "validation.tooLong").default(""),
  })
  .superRefine((s, ctx) => {
    if (s.timing === "weekly" && s.weekday === null) ctx.addIssue({ code: "custom", message: "sopErrors.weekday", path: ["weekday"] });
    if (s.timing === "relative" && s.dayOffset === null) ctx.addIssue({ code: "custom", message: "sopErrors.dayOffset", path: ["dayOffset"] });
    if (!s.contentItemId && !s.inlineText.trim()) ctx.addIssue({ code: "custom", message: "sopErrors.contentNeeded", path: ["inlineText"] });
    if (!s.contentItemId && !s.title) ctx.addIssue({ code: "custom", message: "validation.required", path: ["title"] });
  })
  // Fields the timing does not use are dropped, so they never linger in the database.
  .transform((s) => ({
    ...s,
    weekday: s.timing === "weekly" ? s.weekday : null,
    dayOffset: s.timing === "relative" ? s.dayOffset : null,
    variantId: s.contentItemId ? s.variantId : null,
    inlineText: s.contentItemId ? "" : s.inlineText,
  }));
export type StepInput = z.output<typeof stepSchema>;

export const templateFieldsSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  description: z.string().trim().max(500, "validation.tooLong").default(""),
  communityType: z.preprocess(emptyToNull, z.string().trim().max(80, "validation.tooLong").nullable()).default(null),
  anchorLabel: z.string().trim().max(20, "validation.tooLong").default(""),
});

/** Steps are in time order and share one timing: the table reads top to bottom as the week, day or campaign runs. */
export const stepsSchema = z
  .array(stepSchema)
  .min(1, "sopErrors.stepsNeeded")
  .max(MAX_STEPS, "validation.tooMany")
  .superRefine((steps, ctx) => {
    for (const p of stepOrderProblems(steps)) ctx.addIssue({ code: "custom", message: p.message, path: [p.index] });
  });

export const templateInputSchema = templateFieldsSchema.extend({ steps: stepsSchema });
export type TemplateInput = z.output<typeof templateInputSchema>;

export const createTemplateSchema = templateFieldsSchema.extend({ steps: stepsSchema.optional() });
export const saveTemplateSchema = templateInputSchema.extend({ templateId: z.uuid(), baseVersion: z.coerce.number().int().min(1) });
export const templateRefSchema = z.object({ templateId: z.uuid() });
export const addStarterSchema = z.object({ starterKey: z.string().min(1).max(40) });
export const importTemplateSchema = z.object({ template: templateInputSchema });

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** What "apply" asks: groups, the start (day 0 / first day), the end for repeating templates, the channel. */
export const applyRunSchema = z.object({
  templateId: z.uuid(),
  groupIds: z.preprocess(list, z.array(z.uuid("validation.invalid")).min(1, "validation.pickSome").max(MAX_RUN_GROUPS, "validation.tooMany")),
  startDate: z.iso.date("validation.date"),
  endDate: z.preprocess(emptyToNull, z.iso.date("validation.date").nullable()),
  channel: z.enum(POST_CHANNELS, "validation.invalid").default("manual"),
  /** The template version the preview was made from: a run never uses steps the user did not see. */
  templateVersion: z.coerce.number().int().min(1),
});
export type ApplyRunInput = z.output<typeof applyRunSchema>;

export const syncRunsSchema = z.object({ templateId: z.uuid(), templateVersion: z.coerce.number().int().min(1) });
