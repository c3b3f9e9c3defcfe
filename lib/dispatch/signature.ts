import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signing: HMAC-SHA256 with the workspace's secret over `${timestamp}.${body}`, where
 * timestamp is Unix seconds sent in X-Qunyun-Timestamp. Binding the time lets a receiver refuse
 * old replays; binding the body means nothing in transit can be changed.
 */
export const HEADERS = {
  timestamp: "X-Qunyun-Timestamp",
  signature: "X-Qunyun-Signature",
  idempotencyKey: "X-Qunyun-Idempotency-Key",
  attempt: "X-Qunyun-Delivery-Attempt",
  event: "X-Qunyun-Event",
} as const;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does; also used by the tests. `toleranceS` bounds the clock skew and replay window. */
export function verifySignature(secret: string, headers: { timestamp: string | null; signature: string | null }, body: string, opts: { nowS?: number; toleranceS?: number } = {}): boolean {
  if (!headers.timestamp || !headers.signature || !/^\d+$/.test(headers.timestamp)) return false;
  const ts = Number(headers.timestamp);
  const now = opts.nowS ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (opts.toleranceS ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function signedHeaders(input: { secret: string; body: string; idempotencyKey: string; attempt: number; event: string; nowS?: number }): Record<string, string> {
  const timestamp = input.nowS ?? Math.floor(Date.now() / 1000);
  return {
    [HEADERS.timestamp]: String(timestamp),
    [HEADERS.signature]: signPayload(input.secret, timestamp, input.body),
    [HEADERS.idempotencyKey]: input.idempotencyKey,
    [HEADERS.attempt]: String(input.attempt),
    [HEADERS.event]: input.event,
    "user-agent": "Qunyun-Webhook/1",
  };
}
