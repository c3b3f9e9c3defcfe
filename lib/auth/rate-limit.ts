/**
 * Sign-in throttling, as a pure rule over recent failure counts. An account is locked after
 * ACCOUNT_LIMIT failures inside the window; an address (hashed) after IP_LIMIT, higher because
 * a whole store's staff may share one address. The lock lifts as failures age out of the window.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const ACCOUNT_FAILURE_LIMIT = 10;
export const IP_FAILURE_LIMIT = 50;

export type FailureCounts = { account: number; ip: number };

export function isLocked(counts: FailureCounts): boolean {
  return counts.account >= ACCOUNT_FAILURE_LIMIT || counts.ip >= IP_FAILURE_LIMIT;
}
