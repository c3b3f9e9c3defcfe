/**
 * The statistics of an A/B test, pure and deterministic: a two-proportion z-test on click rate
 * and the exact Bayesian probability that B's click rate beats A's under uniform priors.
 */

/** Standard normal CDF, accurate to about 1e-7 (enough for a p-value shown with two digits). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  // Numerical Recipes erfcc (Chebyshev fit), fractional error < 1.2e-7 everywhere.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export type ZTest = { z: number; pValue: number };

/**
 * Pooled two-proportion z-test of B's rate against A's (two-sided). Null when the test says
 * nothing: no reach on a side, or no variation at all (0% or 100% everywhere).
 */
export function twoProportionZTest(a: { successes: number; trials: number }, b: { successes: number; trials: number }): ZTest | null {
  if (a.trials <= 0 || b.trials <= 0) return null;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (!(se > 0)) return null;
  const z = (b.successes / b.trials - a.successes / a.trials) / se;
  return { z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; ~15 significant digits). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

/**
 * P(p_B > p_A) for p_A ~ Beta(αA, βA), p_B ~ Beta(αB, βB) with integer αB, exactly (Evan Miller's
 * closed form): Σ_{i=0}^{αB−1} B(αA+i, βA+βB) / ((βB+i) B(1+i, βB) B(αA, βA)).
 */
function probGreater(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++) {
    total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA));
  }
  return total;
}

/**
 * The probability that B's true click rate is higher than A's, with Beta(1 + clicks,
 * 1 + reach − clicks) posteriors (a uniform prior). Exact; the sum runs over the smaller side's
 * clicks (P(B > A) = 1 − P(A > B) for continuous posteriors), so it stays cheap.
 */
export function probabilityBBeatsA(a: { successes: number; trials: number }, b: { successes: number; trials: number }): number {
  const post = (s: { successes: number; trials: number }) => {
    const successes = Math.max(0, Math.min(s.successes, s.trials));
    return [1 + successes, 1 + s.trials - successes] as const;
  };
  const [aA, bA] = post(a);
  const [aB, bB] = post(b);
  const p = aB <= aA ? probGreater(aA, bA, aB, bB) : 1 - probGreater(aB, bB, aA, bA);
  return Math.min(1, Math.max(0, p));
}

/** A result is shown once every variant has reached at least the minimum sample. */
export function hasEnoughData(reaches: number[], minSample: number): boolean {
  return reaches.length > 0 && reaches.every((r) => r >= minSample);
}

export type Verdict = "notEnoughData" | "bLikelyBetter" | "aLikelyBetter" | "noClearDifference";

/**
 * The plain-words reading: a side "likely wins" when the Bayesian probability is at least 95%
 * (or at most 5%); otherwise there is no clear difference yet.
 */
export function verdictOf(q: { enoughData: boolean; probBBeatsA: number | null }): Verdict {
  if (!q.enoughData || q.probBBeatsA === null) return "notEnoughData";
  if (q.probBBeatsA >= 0.95) return "bLikelyBetter";
  if (q.probBBeatsA <= 0.05) return "aLikelyBetter";
  return "noClearDifference";
}
