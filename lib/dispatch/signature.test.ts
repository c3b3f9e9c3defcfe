import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backoffMs, BACKOFF_CAP_MS } from "./backoff";
import { HEADERS, signedHeaders, signPayload, verifySignature } from "./signature";

describe("webhook signature", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ type: "post.due", title: "今日菜单" });

  it("is HMAC-SHA256 over timestamp.body, hex, prefixed sha256=", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signPayload(secret, 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it("verifies what it signed, and nothing else", () => {
    const h = signedHeaders({ secret, body, idempotencyKey: "k1", attempt: 2, event: "post.due", nowS: 1700000000 });
    const headers = { timestamp: h[HEADERS.timestamp]!, signature: h[HEADERS.signature]! };
    expect(h[HEADERS.idempotencyKey]).toBe("k1");
    expect(h[HEADERS.attempt]).toBe("2");
    expect(verifySignature(secret, headers, body, { nowS: 1700000010 })).toBe(true);
    expect(verifySignature("whsec_other", headers, body, { nowS: 1700000010 })).toBe(false);
    expect(verifySignature(secret, headers, body.replace("今日", "明日"), { nowS: 1700000010 })).toBe(false);
    expect(verifySignature(secret, { ...headers, timestamp: "1700000001" }, body, { nowS: 1700000010 })).toBe(false);
  });

  it("refuses an old timestamp (replay window)", () => {
    const h = signedHeaders({ secret, body, idempotencyKey: "k", attempt: 1, event: "post.due", nowS: 1700000000 });
    expect(verifySignature(secret, { timestamp: h[HEADERS.timestamp]!, signature: h[HEADERS.signature]! }, body, { nowS: 1700000000 + 301 })).toBe(false);
  });
});

describe("retry backoff", () => {
  it("doubles from 15 s, spread by ±20 %", () => {
    expect(backoffMs(1, 0.5)).toBe(15_000);
    expect(backoffMs(2, 0.5)).toBe(30_000);
    expect(backoffMs(3, 0.5)).toBe(60_000);
    expect(backoffMs(4, 0.5)).toBe(120_000);
    expect(backoffMs(1, 0)).toBe(12_000);
    expect(backoffMs(1, 0.9999)).toBeLessThanOrEqual(18_000);
  });

  it("stops growing at one hour (plus jitter)", () => {
    expect(backoffMs(30, 0.5)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(30, 1)).toBeLessThanOrEqual(BACKOFF_CAP_MS * 1.2);
  });
});
