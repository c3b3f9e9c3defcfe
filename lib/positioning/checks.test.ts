import { describe, expect, it } from "vitest";
import { completeness, contradictions, missingFields } from "./checks";
import { emptyAnswers, type Answers } from "./schema";
import { starterAnswers } from "./starters";

function withChanges(change: (a: Answers) => void): Answers {
  const a = starterAnswers("restaurant");
  change(a);
  return a;
}

describe("completeness", () => {
  it("is 0 for an empty plan and lists every missing field by sheet", () => {
    const empty = emptyAnswers();
    expect(completeness(empty)).toBe(0);
    expect(missingFields(empty).statement).toEqual(["statement.people", "statement.solution", "statement.problem"]);
  });

  it("leaves the store-specific answers of a starter to fill, then reaches 100", () => {
    const a = starterAnswers("restaurant");
    expect(missingFields(a).fiveW1H).toEqual(["fiveW1H.when.buildDate"]);
    expect(missingFields(a).fiveElements).toEqual(["fiveElements.targetUsers.regions"]);
    expect(completeness(a)).toBeLessThan(100);
    a.fiveW1H.when.buildDate = "2026-12-01";
    a.fiveElements.targetUsers.regions = ["杭州西湖区"];
    expect(completeness(a)).toBe(100);
  });
});

describe("contradictions", () => {
  it("finds none in a consistent plan", () => {
    expect(contradictions(starterAnswers("restaurant"))).toEqual([]);
  });

  it("flags a flash group with no end date", () => {
    const a = withChanges((a) => {
      a.fiveW1H.when.lifecycle = "flash";
      a.fiveW1H.when.endDate = null;
    });
    expect(contradictions(a).map((c) => c.code)).toEqual(["flashNoEnd"]);
    const byType = withChanges((a) => {
      a.typeThreshold.communityType = "flash";
      a.fiveW1H.when.endDate = null;
    });
    expect(contradictions(byType).map((c) => c.code)).toContain("flashNoEnd");
  });

  it("flags paid entry with no price, in either sheet", () => {
    const a = withChanges((a) => {
      a.fiveElements.entry = { paid: true, priceCents: null };
      a.typeThreshold.threshold = "paid";
      a.typeThreshold.priceCents = null;
    });
    expect(contradictions(a).map((c) => c.field)).toEqual(["fiveElements.entry.priceCents", "typeThreshold.priceCents"]);
  });

  it("flags a conversion group with no product", () => {
    const a = withChanges((a) => {
      a.typeThreshold.communityType = "conversion";
      a.products = [];
    });
    expect(contradictions(a).map((c) => c.code)).toEqual(["conversionNoProduct"]);
  });

  it("flags an age range whose minimum is above its maximum", () => {
    const a = withChanges((a) => {
      a.fiveElements.targetUsers.ageMin = 45;
      a.fiveElements.targetUsers.ageMax = 25;
    });
    expect(contradictions(a)).toEqual([{ code: "ageRange", sheet: "fiveElements", field: "fiveElements.targetUsers.age" }]);
  });

  it("flags an end date before the build date", () => {
    const a = withChanges((a) => {
      a.fiveW1H.when = { buildDate: "2026-12-10", lifecycle: "flash", endDate: "2026-12-01" };
    });
    expect(contradictions(a).map((c) => c.code)).toEqual(["endBeforeBuild"]);
  });
});

describe("starters", () => {
  it("are valid answers for every industry", async () => {
    const { answersSchema, STARTERS } = await import("./schema");
    for (const s of STARTERS) expect(answersSchema.safeParse(starterAnswers(s)).success, s).toBe(true);
  });
});
