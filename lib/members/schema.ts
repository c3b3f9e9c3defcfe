import { z } from "zod";

export const memberFiltersSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  tag: z.uuid().optional().catch(undefined),
  group: z.uuid().optional().catch(undefined),
  recall: z.literal("1").optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type MemberFilters = z.infer<typeof memberFiltersSchema>;

const tagName = z.string().trim().min(1, "validation.required").max(30, "validation.tooLong");
const optionalId = z.union([z.literal(""), z.uuid()]).transform((v) => v || null);

export const createTagGroupSchema = z.object({ name: tagName });
export const createTagSchema = z.object({ name: tagName, tagGroupId: optionalId });
export const deleteTagSchema = z.object({ tagId: z.uuid() });

export const memberTagSchema = z.object({ memberId: z.uuid(), tagId: z.uuid() });

/** Tag everyone the list's current filter matches (not only the visible page). */
export const bulkTagSchema = z.object({
  tagId: z.uuid("validation.required"),
  op: z.enum(["add", "remove"]),
  q: z.string().trim().max(60).optional(),
  tag: z.union([z.literal(""), z.uuid()]).optional(),
  group: z.union([z.literal(""), z.uuid()]).optional(),
  recall: z.union([z.literal(""), z.literal("1")]).optional(),
});

export const mergeMembersSchema = z.object({ keepId: z.uuid(), mergeId: z.uuid() }).refine((v) => v.keepId !== v.mergeId, {
  message: "validation.mergeSelf",
  path: ["mergeId"],
});
