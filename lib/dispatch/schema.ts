import { z } from "zod";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const whole = (min: number, max: number, key: string) => z.coerce.number("validation.number").int("validation.integer").min(min, key).max(max, key);

/** Calendar rules: posts per group per day (warning / hard warning) and quiet hours (local time). */
export const saveCalendarRulesSchema = z
  .object({
    dailyLimit: whole(1, 20, "validation.dailyLimitRange"),
    hardDailyLimit: whole(1, 50, "validation.hardLimitRange"),
    quietStart: z.string().trim().regex(HHMM, "validation.quietTime"),
    quietEnd: z.string().trim().regex(HHMM, "validation.quietTime"),
  })
  .refine((v) => v.hardDailyLimit >= v.dailyLimit, { path: ["hardDailyLimit"], message: "validation.hardBelowDaily" });

export const saveWebhookSchema = z.object({
  url: z.string("validation.required").trim().min(1, "validation.required").max(2000, "validation.tooLong"),
  maxAttempts: whole(1, 20, "validation.webhookAttemptsRange"),
});

export const emptySchema = z.object({}).passthrough();

export type SaveCalendarRulesInput = z.output<typeof saveCalendarRulesSchema>;
export type SaveWebhookInput = z.output<typeof saveWebhookSchema>;
