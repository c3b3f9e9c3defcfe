import { z } from "zod";

export const CHANNEL_SUGGESTIONS = ["门店海报", "小程序", "直播间", "朋友圈", "公众号", "包裹卡"] as const;
export const MAX_TARGETS = 20;
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/** Every form posts repeated fields; one value arrives as a string, none as undefined. */
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Empty means "make one for me"; otherwise 3–40 lowercase letters, digits and inner hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === "" || SLUG_RE.test(v), "liveCodeErrors.slugFormat");

const targetSchema = z
  .object({
    groupId: z.uuid("validation.required"),
    qrUploadId: z.union([z.literal(""), z.uuid("validation.invalid")]).transform((v) => v || null),
    qrExpiresOn: z.union([z.literal(""), z.iso.date("validation.date")]).transform((v) => v || null),
  })
  // A group QR without its expiry date would silently be treated as valid for ever.
  .refine((t) => !t.qrUploadId || t.qrExpiresOn, { message: "liveCodeErrors.expiryNeeded", path: ["qrExpiresOn"] });
export type TargetInput = z.infer<typeof targetSchema>;

/** Targets come in as parallel lists (one entry per row, in order) and leave as rows. */
const zipTargets = (raw: unknown) => {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.targets)) return r;
  const groups = list(r.targetGroupId);
  const uploads = list(r.targetUploadId);
  const expiries = list(r.targetExpiresOn);
  return { ...r, targets: groups.map((groupId, i) => ({ groupId, qrUploadId: uploads[i] ?? "", qrExpiresOn: expiries[i] ?? "" })) };
};

const liveCodeObject = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  slug: slugSchema,
  channel: z.string().trim().max(30, "validation.tooLong"),
  capacity: z.coerce.number("validation.number").int("validation.integer").min(1, "validation.capacityRange").max(500, "validation.capacityRange"),
  welcomeMessage: z.string().trim().max(1000, "validation.tooLong"),
  tagIds: z.preprocess(list, z.array(z.uuid("validation.invalid")).max(20, "validation.tooMany")),
  targets: z.array(targetSchema).min(1, "liveCodeErrors.targetsNeeded").max(MAX_TARGETS, "validation.tooMany"),
});

/** One group may appear once: a second row for it would split one capacity in two. */
function noDuplicateGroups(v: { targets: TargetInput[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  v.targets.forEach((t, i) => {
    if (seen.has(t.groupId)) ctx.addIssue({ code: "custom", message: "liveCodeErrors.duplicateGroup", path: ["targets", i, "groupId"] });
    seen.add(t.groupId);
  });
}

export const createLiveCodeSchema = z.preprocess(zipTargets, liveCodeObject.superRefine(noDuplicateGroups));
// The slug is printed on posters: it is fixed once the code exists.
export const updateLiveCodeSchema = z.preprocess(zipTargets, liveCodeObject.omit({ slug: true }).extend({ liveCodeId: z.uuid() }).superRefine(noDuplicateGroups));
export type LiveCodeFields = z.infer<typeof liveCodeObject>;

export const liveCodeRefSchema = z.object({ liveCodeId: z.uuid() });

export const statsRangeSchema = z.object({ days: z.coerce.number().int().refine((d) => [7, 30, 90].includes(d)).catch(30) });
