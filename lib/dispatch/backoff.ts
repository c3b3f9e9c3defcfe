/**
 * When a failed webhook attempt is tried again: 15 s after the first failure, doubling each time
 * up to one hour, each spread by ±20 % so that a receiver that was down is not hit by every
 * retry in the same second when it comes back. With the default 5 attempts a post is given up
 * after roughly 15 + 30 + 60 + 120 s ≈ 4 minutes.
 */
export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_CAP_MS = 3_600_000;

/** Delay before attempt `failed + 1`, after `failed` (≥ 1) attempts failed. `random` is in [0, 1). */
export function backoffMs(failed: number, random: number = Math.random()): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failed - 1));
  return Math.round(exp * (0.8 + 0.4 * random));
}

