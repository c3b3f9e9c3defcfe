import { z } from "zod";
import {
  BUSINESS_STEPS,
  CHANNELS,
  GENDERS,
  LIFECYCLES,
  PLATFORMS,
  PURPOSES,
  THRESHOLDS,
  TIERS,
  VALIDATION_METHODS,
} from "./presets";

// Shared by the worksheet form and the save action. Messages are i18n keys.
const answer = (max = 2000) => z.string().trim().max(max, "validation.tooLong");
const title = z.string().trim().min(1, "validation.required").max(60, "validation.tooLong");
const date = z.iso.date("validation.date").nullable();
const age = z.number("validation.number").int("validation.integer").min(0, "validation.ageRange").max(120, "validation.ageRange").nullable();
/** Money in cents; the form enters yuan. At most 1,000,000 yuan. */
export const centsSchema = z
  .number("validation.number")
  .int("validation.integer")
  .min(0, "validation.priceRange")
  .max(100_000_000, "validation.priceRange");
const shortList = z.array(answer(40)).max(20, "validation.tooMany");

export const ANSWERS_SCHEMA_VERSION = 1;

/** Version 1 of a plan's worksheet answers (stored as jsonb in positionings.answers). */
export const answersSchema = z.object({
  businessModel: z.object({ step: z.enum(BUSINESS_STEPS).nullable(), goal: answer(300) }),
  fiveW1H: z.object({
    why: answer(),
    what: answer(),
    where: z.object({ platform: z.enum(PLATFORMS).nullable(), note: answer(200) }),
    who: answer(),
    when: z.object({ buildDate: date, lifecycle: z.enum(LIFECYCLES).nullable(), endDate: date }),
    how: answer(),
  }),
  fiveElements: z.object({
    purpose: answer(),
    targetUsers: z.object({ ageMin: age, ageMax: age, gender: z.enum(GENDERS).nullable(), regions: shortList, occupations: shortList }),
    value: answer(),
    entry: z.object({ paid: z.boolean().nullable(), priceCents: centsSchema.nullable() }),
    channels: z.array(z.enum(CHANNELS)),
  }),
  sixQuestions: z.object({
    why: answer(),
    purposes: z.array(z.enum(PURPOSES)),
    resources: answer(),
    validation: z.object({ methods: z.array(z.enum(VALIDATION_METHODS)), kpis: answer() }),
    outcome: answer(),
    growth: answer(),
  }),
  statement: z.object({ people: answer(200), solution: answer(200), problem: answer(200), text: answer(300) }),
  typeThreshold: z.object({
    communityType: z.string().max(64).nullable(),
    threshold: z.enum(THRESHOLDS).nullable(),
    priceCents: centsSchema.nullable(),
    condition: answer(500),
    level: answer(60),
    product: answer(60),
  }),
  products: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        name: title,
        tier: z.enum(TIERS, "validation.required"),
        priceCents: centsSchema.nullable(),
        isEntry: z.boolean(),
      }),
    )
    .max(50, "validation.tooMany"),
});
export type Answers = z.infer<typeof answersSchema>;

export function emptyAnswers(): Answers {
  return {
    businessModel: { step: null, goal: "" },
    fiveW1H: { why: "", what: "", where: { platform: null, note: "" }, who: "", when: { buildDate: null, lifecycle: null, endDate: null }, how: "" },
    fiveElements: {
      purpose: "",
      targetUsers: { ageMin: null, ageMax: null, gender: null, regions: [], occupations: [] },
      value: "",
      entry: { paid: null, priceCents: null },
      channels: [],
    },
    sixQuestions: { why: "", purposes: [], resources: "", validation: { methods: [], kpis: "" }, outcome: "", growth: "" },
    statement: { people: "", solution: "", problem: "", text: "" },
    typeThreshold: { communityType: null, threshold: null, priceCents: null, condition: "", level: "", product: "" },
    products: [],
  };
}

/** The sentence "为【人群】提供【方案】,解决【问题】" assembled from its parts. */
export function assembleStatement(s: Answers["statement"]): string {
  return `为${s.people || "【人群】"}提供${s.solution || "【方案】"},解决${s.problem || "【问题】"}`;
}

export const planNameSchema = title;
export const STARTERS = ["mother_baby", "restaurant", "education", "fresh_grocery", "beauty", "apparel"] as const;
export type Starter = (typeof STARTERS)[number];

export const createPlanSchema = z.object({
  name: title,
  starter: z.union([z.literal(""), z.enum(STARTERS)]).transform((v) => v || null),
});
export const savePlanSchema = z.object({
  planId: z.uuid(),
  baseVersion: z.number().int().min(1),
  name: title,
  answers: answersSchema,
});
export const planRefSchema = z.object({ planId: z.uuid() });
export const renamePlanSchema = z.object({ planId: z.uuid(), name: title });
export const archivePlanSchema = z.object({ planId: z.uuid(), archived: z.enum(["true", "false"]).transform((v) => v === "true") });
export const restoreVersionSchema = z.object({ planId: z.uuid(), version: z.coerce.number().int().min(1) });
export const createCommunityTypeSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(30, "validation.tooLong"),
  description: answer(200),
  businessStep: z.union([z.literal(""), z.enum(BUSINESS_STEPS)]).transform((v) => v || null),
});
export const deleteCommunityTypeSchema = z.object({ typeId: z.uuid() });
