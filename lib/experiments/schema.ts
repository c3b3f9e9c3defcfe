import { z } from "zod";

/** Forms use these too: no server imports here. */
export const EXPERIMENT_MODES = ["by_group", "alternate_weeks"] as const;

const uuid = z.uuid({ message: "validation.invalid" });
const many = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const startExperimentSchema = z
  .object({
    name: z.string().trim().min(1, { message: "validation.required" }).max(100, { message: "validation.tooLong" }),
    contentItemId: z.uuid({ message: "validation.required" }),
    variantAId: z.uuid({ message: "validation.required" }),
    variantBId: z.uuid({ message: "validation.required" }),
    groupIds: z.preprocess(many, z.array(uuid).min(1, { message: "validation.experimentNeedsGroups" }).max(500, { message: "validation.tooMany" })),
    mode: z.enum(EXPERIMENT_MODES, { message: "validation.invalid" }),
    minSample: z.coerce.number({ message: "validation.number" }).int({ message: "validation.integer" }).min(20, { message: "validation.minSampleRange" }).max(1_000_000, { message: "validation.minSampleRange" }).default(200),
  })
  .superRefine((v, ctx) => {
    if (v.variantAId === v.variantBId) ctx.addIssue({ code: "custom", path: ["variantBId"], message: "validation.experimentSameVariant" });
    if (v.mode === "by_group" && v.groupIds.length > 0 && new Set(v.groupIds).size < 2) ctx.addIssue({ code: "custom", path: ["groupIds"], message: "validation.experimentNeedsTwoGroups" });
  });

export const experimentRefSchema = z.object({ experimentId: uuid });
export const declareWinnerSchema = z.object({ experimentId: uuid, winnerVariantId: uuid });

export type StartExperimentInput = z.output<typeof startExperimentSchema>;
