import { describe, expect, it } from "vitest";
import { alternateWeekVariant, balancedAssignment, seededRandom, weekStartOf, weeksThrough } from "./assignment";
import { hasEnoughData, normalCdf, probabilityBBeatsA, twoProportionZTest, verdictOf } from "./stats";

const s = (successes: number, trials: number) => ({ successes, trials });

describe("two-proportion z-test", () => {
  // Reference values from scipy.stats (pooled z, two-sided p = 2·sf(|z|)).
  it.each([
    [s(200, 1000), s(250, 1000), 2.677397763, 0.0074196493],
    [s(30, 300), s(45, 300), 1.8516402, 0.0640775065],
    [s(10, 200), s(11, 200), 0.224182002, 0.8226156874],
  ])("%o vs %o", (a, b, z, p) => {
    const r = twoProportionZTest(a, b)!;
    expect(r.z).toBeCloseTo(z, 6);
    expect(r.pValue).toBeCloseTo(p, 6);
  });

  it("is symmetric in sign and says nothing without variation or reach", () => {
    expect(twoProportionZTest(s(250, 1000), s(200, 1000))!.z).toBeCloseTo(-2.677397763, 6);
    expect(twoProportionZTest(s(0, 100), s(0, 100))).toBeNull();
    expect(twoProportionZTest(s(0, 0), s(3, 100))).toBeNull();
  });

  it("has a standard normal CDF", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980, 7);
  });
});

describe("probability that B beats A", () => {
  // Reference values from scipy: ∫ pdf_B(x) · cdf_A(x) dx with Beta(1 + clicks, 1 + reach − clicks).
  it.each([
    [s(200, 1000), s(250, 1000), 0.9962833291],
    [s(30, 300), s(45, 300), 0.9674407481],
    [s(10, 200), s(11, 200), 0.58649098597],
    [s(3, 10), s(5, 10), 0.8065015480],
  ])("%o vs %o", (a, b, p) => {
    expect(probabilityBBeatsA(a, b)).toBeCloseTo(p, 8);
  });

  it("knows the closed forms and the symmetry", () => {
    expect(probabilityBBeatsA(s(0, 0), s(1, 1))).toBeCloseTo(2 / 3, 10);
    expect(probabilityBBeatsA(s(40, 400), s(40, 400))).toBeCloseTo(0.5, 10);
    expect(probabilityBBeatsA(s(45, 300), s(30, 300))).toBeCloseTo(1 - 0.9674407481, 8);
  });

  it("stays finite and fast for large samples", () => {
    const p = probabilityBBeatsA(s(50_000, 1_000_000), s(51_000, 1_000_000));
    expect(p).toBeGreaterThan(0.999);
    expect(p).toBeLessThanOrEqual(1);
  });
});

describe("minimum sample", () => {
  it("waits until every variant has reached it", () => {
    expect(hasEnoughData([199, 500], 200)).toBe(false);
    expect(hasEnoughData([200, 200], 200)).toBe(true);
    expect(hasEnoughData([], 200)).toBe(false);
    expect(verdictOf({ enoughData: false, probBBeatsA: 0.99 })).toBe("notEnoughData");
    expect(verdictOf({ enoughData: true, probBBeatsA: 0.97 })).toBe("bLikelyBetter");
    expect(verdictOf({ enoughData: true, probBBeatsA: 0.02 })).toBe("aLikelyBetter");
    expect(verdictOf({ enoughData: true, probBBeatsA: 0.6 })).toBe("noClearDifference");
  });
});

describe("balanced assignment", () => {
  const groups = Array.from({ length: 7 }, (_, i) => `g${i}`);

  it("splits the groups evenly (odd counts differ by one) and covers each exactly once", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const m = balancedAssignment(groups, ["A", "B"], seededRandom(seed));
      expect([...m.keys()].sort()).toEqual(groups);
      const a = [...m.values()].filter((v) => v === "A").length;
      expect(Math.abs(a - (7 - a))).toBe(1);
    }
    const even = balancedAssignment(groups.slice(0, 4), ["A", "B"], seededRandom(3));
    expect([...even.values()].filter((v) => v === "A")).toHaveLength(2);
  });

  it("is random across seeds and repeatable for one seed", () => {
    const a = balancedAssignment(groups, ["A", "B"], seededRandom(11));
    expect(balancedAssignment(groups, ["A", "B"], seededRandom(11))).toEqual(a);
    const seen = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify([...balancedAssignment(groups, ["A", "B"], seededRandom(i + 1))])));
    expect(seen.size).toBeGreaterThan(10);
    // Each group lands on A about half the time.
    const onA = Array.from({ length: 400 }, (_, i) => balancedAssignment(groups, ["A", "B"], seededRandom(1000 + i)).get("g0") === "A").filter(Boolean).length;
    expect(onA).toBeGreaterThan(150);
    expect(onA).toBeLessThan(250);
  });
});

describe("alternate weeks", () => {
  it("finds the Monday and alternates from the start week", () => {
    expect(weekStartOf("2026-03-04")).toBe("2026-03-02");
    expect(weekStartOf("2026-03-08")).toBe("2026-03-02");
    expect(weekStartOf("2026-03-09")).toBe("2026-03-09");
    const q = { firstVariant: "A", otherVariant: "B", startWeek: "2026-03-02" };
    expect(alternateWeekVariant({ ...q, week: "2026-03-08" })).toBe("A");
    expect(alternateWeekVariant({ ...q, week: "2026-03-10" })).toBe("B");
    expect(alternateWeekVariant({ ...q, week: "2026-03-16" })).toBe("A");
    expect(alternateWeekVariant({ ...q, week: "2026-03-01" })).toBeNull();
    expect(weeksThrough("2026-03-02", "2026-03-03", 3)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(weeksThrough("2026-03-02", "2026-03-20", 1)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
  });
});

/** Marsaglia–Tsang gamma sampler (shape ≥ 1), enough for Beta(1 + x, 1 + n − x). */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = random() || 1e-12;
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

describe("the exact probability against a seeded Monte Carlo (20,000 draws)", () => {
  it.each([
    [s(30, 300), s(45, 300)],
    [s(12, 150), s(9, 140)],
    [s(200, 1000), s(205, 1000)],
  ])("%o vs %o", (a, b) => {
    const random = seededRandom(20260301);
    const beta = (x: { successes: number; trials: number }) => {
      const g1 = gamma(1 + x.successes, random);
      return g1 / (g1 + gamma(1 + x.trials - x.successes, random));
    };
    let wins = 0;
    for (let i = 0; i < 20_000; i++) if (beta(b) > beta(a)) wins++;
    expect(Math.abs(wins / 20_000 - probabilityBBeatsA(a, b))).toBeLessThan(0.01);
  });
});
