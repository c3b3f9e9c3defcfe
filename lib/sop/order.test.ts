import { describe, expect, it } from "vitest";
import { stepOrderProblems, sortSteps } from "./order";
import { stepsSchema } from "./schema";

const w = (weekday: number, time: string) => ({ timing: "weekly" as const, weekday, dayOffset: null, time });
const r = (dayOffset: number, time: string) => ({ timing: "relative" as const, weekday: null, dayOffset, time });
const d = (time: string) => ({ timing: "daily" as const, weekday: null, dayOffset: null, time });

describe("stepOrderProblems", () => {
  it("accepts steps in time order, equal times included", () => {
    expect(stepOrderProblems([d("11:00"), d("12:00"), d("12:00"), d("18:00")])).toEqual([]);
    expect(stepOrderProblems([w(1, "20:00"), w(2, "12:00"), w(2, "19:45"), w(7, "08:00")])).toEqual([]);
    expect(stepOrderProblems([r(-1, "20:00"), r(0, "09:00"), r(2, "21:30")])).toEqual([]);
  });

  it("pins a step earlier than the one above it", () => {
    expect(stepOrderProblems([d("11:00"), d("18:00"), d("12:00")])).toEqual([{ index: 2, message: "sopErrors.outOfOrder" }]);
    expect(stepOrderProblems([w(2, "08:00"), w(1, "20:00")])).toEqual([{ index: 1, message: "sopErrors.outOfOrder" }]);
    expect(stepOrderProblems([r(0, "10:00"), r(-1, "20:00")])).toEqual([{ index: 1, message: "sopErrors.outOfOrder" }]);
  });

  it("refuses a timing other than the first step's", () => {
    expect(stepOrderProblems([d("11:00"), w(1, "20:00"), d("12:00")])).toEqual([{ index: 1, message: "sopErrors.mixedTiming" }]);
  });

  it("sorts loosely ordered steps", () => {
    expect(sortSteps([w(4, "20:00"), w(1, "20:00"), w(1, "09:00")])).toEqual([w(1, "09:00"), w(1, "20:00"), w(4, "20:00")]);
  });
});

describe("stepsSchema", () => {
  const base = { contentItemId: "", variantId: "", title: "菜单", inlineText: "今日菜单", category: "product", ownerRole: "operator", notes: "" };
  it("reports the out-of-order step at its index", () => {
    const parsed = stepsSchema.safeParse([{ ...base, timing: "daily", time: "18:00" }, { ...base, timing: "daily", time: "11:00" }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["1", "sopErrors.outOfOrder"]]);
  });

  it("refuses text over 4,000 characters and a weekly step without a weekday", () => {
    const parsed = stepsSchema.safeParse([{ ...base, timing: "weekly", weekday: "", time: "20:00", inlineText: "字".repeat(4001) }]);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([["0.inlineText", "sopErrors.textTooLong"], ["0.weekday", "sopErrors.weekday"]]);
  });

  it("drops the fields a timing does not use", () => {
    const parsed = stepsSchema.parse([{ ...base, timing: "daily", weekday: 3, dayOffset: 2, time: "09:00" }]);
    expect(parsed[0]).toMatchObject({ weekday: null, dayOffset: null, time: "09:00" });
  });
});
