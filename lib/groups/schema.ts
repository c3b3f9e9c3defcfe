import { z } from "zod";

export const GROUP_STAGES = ["planned", "active", "declining", "ended", "archived"] as const;
export const MEMBER_ROLES = ["owner", "admin", "service", "koc", "member"] as const;
export const GROUP_SORTS = ["updated", "name", "members", "created"] as const;
export const PAGE_SIZE = 25;

const optionalUuid = z.union([z.literal(""), z.uuid("validation.invalid")]).transform((v) => v || null);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => v || null);

/** The group form; also used for groups built from a plan (the plan's answers fill the gaps). */
export const groupFieldsSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  communityType: optionalText(64),
  positioningId: optionalUuid,
  stage: z.enum(GROUP_STAGES, "validation.invalid"),
  plannedEnd: z.union([z.literal(""), z.iso.date("validation.date")]).transform((v) => v || null),
  entryThreshold: optionalText(20),
  capacity: z.coerce.number("validation.number").int("validation.integer").min(1, "validation.capacityRange").max(500, "validation.capacityRange"),
  ownerUserId: optionalUuid,
  adminUserIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(20, "validation.tooMany")),
  externalChatId: optionalText(64),
  notes: z.string().trim().max(2000, "validation.tooLong"),
});
export type GroupFields = z.infer<typeof groupFieldsSchema>;

export const createGroupSchema = groupFieldsSchema;
export const updateGroupSchema = groupFieldsSchema.extend({ groupId: z.uuid() });
export const bulkStageSchema = z.object({
  groupIds: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.uuid()).min(1, "validation.pickSome").max(200, "validation.tooMany")),
  stage: z.enum(GROUP_STAGES, "validation.invalid"),
});

export const groupFiltersSchema = z.object({
  type: z.string().max(64).optional().catch(undefined),
  stage: z.enum(GROUP_STAGES).optional().catch(undefined),
  plan: z.uuid().optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  sort: z.enum(GROUP_SORTS).catch("updated"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type GroupFilters = z.infer<typeof groupFiltersSchema>;

/** A person added to a roster by hand; at least one way to recognise them again. */
export const addRosterMemberSchema = z
  .object({
    groupId: z.uuid(),
    nickname: z.string().trim().max(100, "validation.tooLong"),
    phone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s()-]/g, "").replace(/^(\+?86|0086)/, ""))
      .refine((v) => v === "" || /^1\d{10}$/.test(v), "validation.phone")
      .transform((v) => v || null),
    externalId: optionalText(64),
    role: z.enum(MEMBER_ROLES, "validation.invalid"),
    isStaff: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    joinSource: optionalText(50),
  })
  .refine((v) => v.nickname || v.phone || v.externalId, { message: "validation.identityNeeded", path: ["nickname"] });

export const rosterRefSchema = z.object({ groupId: z.uuid(), membershipId: z.uuid() });
export const changeRosterRoleSchema = rosterRefSchema.extend({ role: z.enum(MEMBER_ROLES, "validation.invalid") });

export const rosterFiltersSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  role: z.enum(MEMBER_ROLES).optional().catch(undefined),
  status: z.enum(["current", "left", "all"]).catch("current"),
  after: z.string().max(200).optional().catch(undefined),
});
export type RosterFilters = z.infer<typeof rosterFiltersSchema>;
