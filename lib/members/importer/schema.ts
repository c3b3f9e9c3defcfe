import { z } from "zod";
import { IMPORT_FIELDS } from "@/lib/members/import/fields";

/** The mapping arrives as one field per file column ("" = ignore that column). */
export const startImportSchema = z.object({
  importId: z.uuid(),
  mode: z.enum(["check", "apply"]),
  groupId: z.union([z.literal(""), z.uuid()]).transform((v) => v || null),
  mapping: z.preprocess(
    (v) => (Array.isArray(v) ? v : [v]),
    z.array(z.union([z.literal(""), z.enum(IMPORT_FIELDS)]).transform((v) => v || null)).min(1).max(200),
  ),
});
