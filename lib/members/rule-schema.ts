import { z } from "zod";

const whole = (min: number, max: number) =>
  z.coerce.number("validation.number").int("validation.integer").min(min, "validation.ruleRange").max(max, "validation.ruleRange");

export const activityRuleSchema = z.object({
  message: whole(0, 1000),
  click: whole(0, 1000),
  order: whole(0, 1000),
  join: whole(0, 1000),
  halfLifeDays: whole(1, 1000),
  recallBelow: whole(0, 1000),
  silentDays: whole(1, 1000),
  deadActiveRatio: whole(0, 100),
  deadSilentDays: whole(1, 1000),
});
