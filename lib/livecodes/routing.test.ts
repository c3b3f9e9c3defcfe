import { describe, expect, it } from "vitest";
import { classifyUserAgent, expiresSoon, targetState, type RoutableTarget } from "./routing";

const now = new Date("2026-11-20T08:00:00Z");
const day = 24 * 60 * 60 * 1000;
const target = (id: string, position: number, patch: Partial<RoutableTarget> = {}): RoutableTarget => ({
  id,
  position,
  hasQr: true,
  qrExpiresAt: new Date(now.getTime() + 3 * day),
  startMembers: 0,
  assignedCount: 0,
  ...patch,
});

describe("live-code routing", () => {
  it("fills a group up to the capacity, counting the members it already had when it was added", () => {
    expect(targetState(target("a", 0, { assignedCount: 1 }), 2, now)).toBe("open");
    expect(targetState(target("a", 0, { assignedCount: 2 }), 2, now)).toBe("full");
    expect(targetState(target("a", 0, { startMembers: 199, assignedCount: 1 }), 200, now)).toBe("full");
  });

  it("takes a group out of the rotation when its QR has expired or was never uploaded", () => {
    expect(targetState(target("a", 0, { qrExpiresAt: new Date(now.getTime() - 1) }), 10, now)).toBe("expired");
    expect(targetState(target("a", 0, { qrExpiresAt: now }), 10, now)).toBe("expired");
    expect(targetState(target("b", 1, { hasQr: false }), 10, now)).toBe("noQr");
    expect(targetState(target("c", 2, { qrExpiresAt: null }), 10, now)).toBe("open");
  });

  it("warns about a QR in its last day, not before and not after it expired", () => {
    expect(expiresSoon(new Date(now.getTime() + day - 1), now)).toBe(true);
    expect(expiresSoon(new Date(now.getTime() + 2 * day), now)).toBe(false);
    expect(expiresSoon(new Date(now.getTime() - 1), now)).toBe(false);
    expect(expiresSoon(null, now)).toBe(false);
  });
});

describe("user agent classes", () => {
  it("tell WeChat, phones, desktops and robots apart", () => {
    expect(classifyUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0.47")).toBe("wechat");
    expect(classifyUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36")).toBe("mobile");
    expect(classifyUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130")).toBe("desktop");
    expect(classifyUserAgent("curl/8.5.0")).toBe("bot");
    expect(classifyUserAgent(null)).toBe("other");
  });
});
