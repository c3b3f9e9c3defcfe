import { z } from "zod";
import { DAY_RE } from "@/lib/calendar/time";
import { parseHours, parseYuan, staffCostCents } from "./money";

/** Forms use these too: no server imports here. */
export const COST_SCOPES = ["workspace", "plan", "group", "post", "campaign"] as const;
export const COST_KINDS = ["coupon", "gift", "ads", "staff", "other"] as const;
/** One cost line above ¥10,000,000 is a typo, not a cost. */
export const MAX_COST_CENTS = 1_000_000_000;

const optionalText = (max: number) => z.string().trim().max(max, { message: "validation.tooLong" }).default("");

const costFields = z.object({
  scope: z.enum(COST_SCOPES, { message: "validation.invalid" }),
  planId: optionalText(40),
  groupId: optionalText(40),
  postId: optionalText(40),
  campaign: optionalText(60),
  kind: z.enum(COST_KINDS, { message: "validation.invalid" }),
  amount: optionalText(20),
  staffHours: optionalText(10),
  hourlyRate: optionalText(20),
  incurredOn: z.string().regex(DAY_RE, { message: "validation.date" }),
  note: optionalText(500),
});

/**
 * A cost as entered: yuan with two decimals (or hours × hourly rate for staff), stored as cents,
 * with the scope's target (a plan, a group, a post, or a campaign's name).
 */
function toCost(v: z.output<typeof costFields>, ctx: z.RefinementCtx) {
  const isUuid = (s: string) => z.uuid().safeParse(s).success;
  const targetField = v.scope === "plan" ? "planId" : v.scope === "group" ? "groupId" : v.scope === "post" ? "postId" : null;
  const targetValue = targetField ? v[targetField] : "";
  if (targetField && !isUuid(targetValue)) ctx.addIssue({ code: "custom", path: [targetField], message: "validation.required" });
  if (v.scope === "campaign" && !v.campaign) ctx.addIssue({ code: "custom", path: ["campaign"], message: "validation.required" });

  let amountCents: number | null;
  let staffHours: string | null = null;
  let hourlyRateCents: number | null = null;
  if (v.kind === "staff") {
    const hours = parseHours(v.staffHours);
    const rate = parseYuan(v.hourlyRate);
    if (hours === null || hours <= 0) ctx.addIssue({ code: "custom", path: ["staffHours"], message: "validation.hours" });
    if (rate === null) ctx.addIssue({ code: "custom", path: ["hourlyRate"], message: "validation.yuan" });
    amountCents = hours !== null && rate !== null ? staffCostCents(hours, rate) : null;
    if (hours !== null) staffHours = (hours / 100).toFixed(2);
    hourlyRateCents = rate;
  } else {
    amountCents = parseYuan(v.amount);
    if (amountCents === null || amountCents <= 0) ctx.addIssue({ code: "custom", path: ["amount"], message: "validation.yuan" });
  }
  if (amountCents !== null && amountCents > MAX_COST_CENTS) ctx.addIssue({ code: "custom", path: [v.kind === "staff" ? "hourlyRate" : "amount"], message: "validation.costTooLarge" });
  return {
    scope: v.scope,
    targetId: targetField ? targetValue : null,
    campaign: v.scope === "campaign" ? v.campaign : null,
    kind: v.kind,
    amountCents: amountCents ?? 0,
    staffHours,
    hourlyRateCents,
    incurredOn: v.incurredOn,
    note: v.note,
  };
}

export const createCostSchema = costFields.transform(toCost);
export const updateCostSchema = costFields.extend({ costId: z.uuid({ message: "validation.invalid" }) }).transform((v, ctx) => ({ costId: v.costId, ...toCost(v, ctx) }));
export const costRefSchema = z.object({ costId: z.uuid({ message: "validation.invalid" }) });

export type CostInput = z.output<typeof createCostSchema>;
