import { describe, expect, it } from "vitest";
import { signPayload } from "@/lib/dispatch/signature";
import { chooseAttribution, windowStart } from "./attribution";
import { orderBodyHash, orderBodySchema, orderInputFrom, yuanToCents } from "./schema";
import { checkSignature, checkTimestamp, signOrderRequest } from "./signature";

describe("order signatures", () => {
  const body = '{"type":"order","order_id":"1"}';
  it("accepts the HMAC of `${timestamp}.${body}` and nothing else", () => {
    const { timestamp, signature } = signOrderRequest("whsec_a", body, 1_700_000_000);
    expect(signature).toBe(signPayload("whsec_a", 1_700_000_000, body));
    expect(checkSignature("whsec_a", timestamp, signature, body)).toEqual({ ok: true });
    expect(checkSignature("whsec_b", timestamp, signature, body)).toEqual({ ok: false, error: "invalid_signature" });
    expect(checkSignature("whsec_a", timestamp, signature, body + " ")).toEqual({ ok: false, error: "invalid_signature" });
    expect(checkSignature("whsec_a", "1700000001", signature, body)).toEqual({ ok: false, error: "invalid_signature" });
    expect(checkSignature("whsec_a", timestamp, signature.slice(0, -1), body)).toEqual({ ok: false, error: "invalid_signature" });
    expect(checkSignature("whsec_a", timestamp, null, body)).toEqual({ ok: false, error: "missing_signature" });
  });
  it("refuses timestamps more than 5 minutes away, either way", () => {
    const now = 1_700_000_000;
    expect(checkTimestamp(String(now - 300), now)).toEqual({ ok: true });
    expect(checkTimestamp(String(now + 300), now)).toEqual({ ok: true });
    expect(checkTimestamp(String(now - 301), now)).toEqual({ ok: false, error: "timestamp_out_of_window" });
    expect(checkTimestamp(String(now + 301), now)).toEqual({ ok: false, error: "timestamp_out_of_window" });
    expect(checkTimestamp("17e8", now)).toEqual({ ok: false, error: "missing_signature" });
    expect(checkTimestamp(null, now)).toEqual({ ok: false, error: "missing_signature" });
  });
});

describe("order bodies", () => {
  it("reads yuan strings as cents exactly", () => {
    expect(yuanToCents("129.9")).toBe(12990);
    expect(yuanToCents("0.07")).toBe(7);
    expect(yuanToCents("100")).toBe(10000);
  });
  it("hashes meaning, not bytes", () => {
    const a = orderInputFrom(orderBodySchema.parse({ type: "order", order_id: "1", amount: "1.50", occurred_at: "2026-11-30T08:00:00+08:00" }));
    const b = orderInputFrom(orderBodySchema.parse({ occurred_at: "2026-11-30T00:00:00Z", amount_cents: 150, order_id: "1", type: "order" }));
    const c = orderInputFrom(orderBodySchema.parse({ type: "order", order_id: "1", amount: "1.51", occurred_at: "2026-11-30T08:00:00+08:00" }));
    expect(orderBodyHash(a)).toBe(orderBodyHash(b));
    expect(orderBodyHash(a)).not.toBe(orderBodyHash(c));
  });
});

describe("attribution choice", () => {
  const link = { linkId: "l", postId: "p1", groupId: "g1", variantId: null, memberId: null };
  const click = { postId: "p2", groupId: "g2", variantId: "v2", occurredAt: new Date() };
  it("prefers the link code, then the member's last click, else none", () => {
    expect(chooseAttribution("m", link, click)).toMatchObject({ attribution: "link", postId: "p1", memberId: "m" });
    expect(chooseAttribution(null, { ...link, memberId: "m9" }, null)).toMatchObject({ attribution: "member_link", memberId: "m9" });
    expect(chooseAttribution("m", null, click)).toMatchObject({ attribution: "last_click", postId: "p2", variantId: "v2" });
    expect(chooseAttribution(null, null, click)).toMatchObject({ attribution: "none", postId: null });
    expect(chooseAttribution("m", null, null)).toMatchObject({ attribution: "none", memberId: "m" });
  });
  it("opens the window exactly `days` × 24 h before the order", () => {
    expect(windowStart(new Date("2026-11-08T12:00:00Z"), 7).toISOString()).toBe("2026-11-01T12:00:00.000Z");
  });
});
