import { timingSafeEqual } from "node:crypto";
import { signPayload } from "@/lib/dispatch/signature";

/**
 * The order webhook's request signing, the same scheme as Qunyun's own outgoing webhooks
 * (lib/dispatch/signature.ts): `X-Qunyun-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`
 * with `X-Qunyun-Timestamp` in Unix seconds. A timestamp more than five minutes old or ahead is
 * refused, so a captured request cannot be replayed later.
 */
export const ORDER_HEADERS = {
  workspace: "x-qunyun-workspace",
  timestamp: "x-qunyun-timestamp",
  signature: "x-qunyun-signature",
} as const;

export const TIMESTAMP_TOLERANCE_S = 300;

export type SignatureCheck = { ok: true } | { ok: false; error: "missing_signature" | "timestamp_out_of_window" | "invalid_signature" };

export function checkTimestamp(timestamp: string | null, nowS: number): SignatureCheck {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, error: "missing_signature" };
  return Math.abs(nowS - Number(timestamp)) > TIMESTAMP_TOLERANCE_S ? { ok: false, error: "timestamp_out_of_window" } : { ok: true };
}

/** Constant-time comparison of the given signature with the expected one. */
export function checkSignature(secret: string, timestamp: string, signature: string | null, rawBody: string): SignatureCheck {
  if (!signature) return { ok: false, error: "missing_signature" };
  const expected = Buffer.from(signPayload(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature.trim());
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, error: "invalid_signature" };
}

/** What a store does (and the tests, benches and the setup page's example). */
export function signOrderRequest(secret: string, rawBody: string, nowS = Math.floor(Date.now() / 1000)): { timestamp: string; signature: string } {
  return { timestamp: String(nowS), signature: signPayload(secret, nowS, rawBody) };
}
