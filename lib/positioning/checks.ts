import type { Sheet } from "./presets";
import type { Answers } from "./schema";

/**
 * What a plan still lacks, and where it contradicts itself (DOMAIN.md §1). Pure: the editor runs
 * it on every keystroke and the list page on every plan.
 */
type Requirement = { field: string; filled: (a: Answers) => boolean };

const has = (s: string) => s.trim().length > 0;

const REQUIREMENTS: Record<Sheet, Requirement[]> = {
  businessModel: [
    { field: "businessModel.step", filled: (a) => a.businessModel.step !== null },
    { field: "businessModel.goal", filled: (a) => has(a.businessModel.goal) },
  ],
  fiveW1H: [
    { field: "fiveW1H.why", filled: (a) => has(a.fiveW1H.why) },
    { field: "fiveW1H.what", filled: (a) => has(a.fiveW1H.what) },
    { field: "fiveW1H.where.platform", filled: (a) => a.fiveW1H.where.platform !== null },
    { field: "fiveW1H.who", filled: (a) => has(a.fiveW1H.who) },
    { field: "fiveW1H.when.buildDate", filled: (a) => a.fiveW1H.when.buildDate !== null },
    { field: "fiveW1H.when.lifecycle", filled: (a) => a.fiveW1H.when.lifecycle !== null },
    { field: "fiveW1H.how", filled: (a) => has(a.fiveW1H.how) },
  ],
  fiveElements: [
    { field: "fiveElements.purpose", filled: (a) => has(a.fiveElements.purpose) },
    { field: "fiveElements.targetUsers.age", filled: (a) => a.fiveElements.targetUsers.ageMin !== null && a.fiveElements.targetUsers.ageMax !== null },
    { field: "fiveElements.targetUsers.gender", filled: (a) => a.fiveElements.targetUsers.gender !== null },
    { field: "fiveElements.targetUsers.regions", filled: (a) => a.fiveElements.targetUsers.regions.length > 0 },
    { field: "fiveElements.targetUsers.occupations", filled: (a) => a.fiveElements.targetUsers.occupations.length > 0 },
    { field: "fiveElements.value", filled: (a) => has(a.fiveElements.value) },
    { field: "fiveElements.entry.paid", filled: (a) => a.fiveElements.entry.paid !== null },
    { field: "fiveElements.channels", filled: (a) => a.fiveElements.channels.length > 0 },
  ],
  sixQuestions: [
    { field: "sixQuestions.why", filled: (a) => has(a.sixQuestions.why) },
    { field: "sixQuestions.purposes", filled: (a) => a.sixQuestions.purposes.length > 0 },
    { field: "sixQuestions.resources", filled: (a) => has(a.sixQuestions.resources) },
    { field: "sixQuestions.validation.methods", filled: (a) => a.sixQuestions.validation.methods.length > 0 },
    { field: "sixQuestions.validation.kpis", filled: (a) => has(a.sixQuestions.validation.kpis) },
    { field: "sixQuestions.outcome", filled: (a) => has(a.sixQuestions.outcome) },
    { field: "sixQuestions.growth", filled: (a) => has(a.sixQuestions.growth) },
  ],
  statement: [
    { field: "statement.people", filled: (a) => has(a.statement.people) },
    { field: "statement.solution", filled: (a) => has(a.statement.solution) },
    { field: "statement.problem", filled: (a) => has(a.statement.problem) },
  ],
  typeThreshold: [
    { field: "typeThreshold.communityType", filled: (a) => a.typeThreshold.communityType !== null },
    { field: "typeThreshold.threshold", filled: (a) => a.typeThreshold.threshold !== null },
  ],
  products: [{ field: "products", filled: (a) => a.products.length > 0 }],
};

export function missingFields(a: Answers): Record<Sheet, string[]> {
  return Object.fromEntries(
    Object.entries(REQUIREMENTS).map(([sheet, reqs]) => [sheet, reqs.filter((r) => !r.filled(a)).map((r) => r.field)]),
  ) as Record<Sheet, string[]>;
}

/** Share of required answers given, 0–100, rounded down so that 100 means truly complete. */
export function completeness(a: Answers): number {
  const all = Object.values(REQUIREMENTS).flat();
  const filled = all.filter((r) => r.filled(a)).length;
  return Math.floor((filled / all.length) * 100);
}

export type Contradiction = { code: string; sheet: Sheet; field: string };

export function contradictions(a: Answers): Contradiction[] {
  const found: Contradiction[] = [];
  const { when } = a.fiveW1H;
  const type = a.typeThreshold.communityType;
  if ((when.lifecycle === "flash" || type === "flash") && !when.endDate) {
    found.push({ code: "flashNoEnd", sheet: "fiveW1H", field: "fiveW1H.when.endDate" });
  }
  if (when.buildDate && when.endDate && when.endDate < when.buildDate) {
    found.push({ code: "endBeforeBuild", sheet: "fiveW1H", field: "fiveW1H.when.endDate" });
  }
  if (a.fiveElements.entry.paid && a.fiveElements.entry.priceCents === null) {
    found.push({ code: "paidNoPrice", sheet: "fiveElements", field: "fiveElements.entry.priceCents" });
  }
  if (a.typeThreshold.threshold === "paid" && a.typeThreshold.priceCents === null) {
    found.push({ code: "paidNoPrice", sheet: "typeThreshold", field: "typeThreshold.priceCents" });
  }
  if (a.typeThreshold.threshold === "purchase" && !a.typeThreshold.product.trim()) {
    found.push({ code: "purchaseNoProduct", sheet: "typeThreshold", field: "typeThreshold.product" });
  }
  if ((type === "conversion" || a.businessModel.step === "convert") && a.products.length === 0) {
    found.push({ code: "conversionNoProduct", sheet: "products", field: "products" });
  }
  const { ageMin, ageMax } = a.fiveElements.targetUsers;
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) {
    found.push({ code: "ageRange", sheet: "fiveElements", field: "fiveElements.targetUsers.age" });
  }
  return found;
}
