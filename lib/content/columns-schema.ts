import { z } from "zod";
import { addLocalDays, DAY_RE, daysFrom, TIME_RE } from "@/lib/calendar/time";
import { isPresetType } from "@/lib/positioning/presets";
import { MAX_FILL_DAYS } from "./columns";
import { CATEGORIES } from "./schema";

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const CUSTOM_RE = /^custom:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a column applies, as one select value: "type:<preset key or custom:<id>>" or
 * "group:<id>". It leaves as the two columns of content_columns.
 */
export const scopeSchema = z
  .string("contentErrors.scopeNeeded")
  .refine((v) => {
    if (v.startsWith("type:")) return isPresetType(v.slice(5)) || CUSTOM_RE.test(v.slice(5));
    if (v.startsWith("group:")) return UUID_RE.test(v.slice(6));
    return false;
  }, "contentErrors.scopeNeeded")
  .transform((v) => (v.startsWith("type:") ? { communityType: v.slice(5), groupId: null } : { communityType: null, groupId: v.slice(6) }));

export function scopeValue(c: { communityType: string | null; groupId: string | null }): string {
  return c.groupId ? `group:${c.groupId}` : `type:${c.communityType ?? ""}`;
}

const columnObject = z.object({
  name: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
  category: z.enum(CATEGORIES, "contentErrors.category"),
  scope: scopeSchema,
  weekday: z
    .string()
    .refine((v) => v === "" || /^[1-7]$/.test(v), "validation.invalid")
    .transform((v) => (v === "" ? null : Number(v))),
  timeOfDay: z.string().trim().regex(TIME_RE, "contentErrors.badTime"),
  contentItemId: z.union([z.literal(""), z.uuid("validation.invalid")]).transform((v) => v || null),
  notes: z.string().trim().max(500, "validation.tooLong"),
});
export type ColumnFields = z.infer<typeof columnObject>;

export const createColumnSchema = columnObject;
export const updateColumnSchema = columnObject.extend({ columnId: z.uuid() });
export const columnRefSchema = z.object({ columnId: z.uuid() });

/** A day that exists: "2026-02-30" matches the pattern but is no day. */
const isRealDay = (v: string) => DAY_RE.test(v) && addLocalDays(v, 0) === v;
const realDay = z.string().refine(isRealDay, "validation.date");

export const fillColumnsSchema = z
  .object({
    groupIds: z.preprocess(list, z.array(z.uuid("validation.invalid")).min(1, "validation.pickSome").max(200, "validation.tooMany")),
    from: realDay,
    to: realDay,
  })
  .superRefine((v, ctx) => {
    if (!isRealDay(v.from) || !isRealDay(v.to)) return;
    const n = daysFrom(v.from, v.to);
    if (n < 0) ctx.addIssue({ code: "custom", message: "contentErrors.rangeBackwards", path: ["to"] });
    else if (n + 1 > MAX_FILL_DAYS) ctx.addIssue({ code: "custom", message: "contentErrors.rangeTooLong", path: ["to"] });
  });
export type FillColumnsInput = z.infer<typeof fillColumnsSchema>;
