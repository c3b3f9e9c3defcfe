import { describe, expect, it } from "vitest";
import { chooseTarget, classifyUserAgent, expiresSoon, keepsPreviousTarget, targetState, type RoutableTarget } from "./routing";

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
  it("fills the first group up to the capacity, then moves to the next", () => {
    const a = target("a", 0, { assignedCount: 1 });
    const b = target("b", 1);
    expect(chooseTarget([b, a], 2, now)?.id).toBe("a");
    expect(chooseTarget([b, { ...a, assignedCount: 2 }], 2, now)?.id).toBe("b");
  });

  it("counts the members a group already had when it was added", () => {
    expect(chooseTarget([target("a", 0, { startMembers: 199, assignedCount: 1 }), target("b", 1)], 200, now)?.id).toBe("b");
  });

  it("skips a group whose QR has expired or was never uploaded", () => {
    const expired = target("a", 0, { qrExpiresAt: new Date(now.getTime() - 1) });
    const noQr = target("b", 1, { hasQr: false });
    expect(targetState(expired, 10, now)).toBe("expired");
    expect(targetState(noQr, 10, now)).toBe("noQr");
    expect(chooseTarget([expired, noQr, target("c", 2)], 10, now)?.id).toBe("c");
  });

  it("finds no group when every target is full or expired", () => {
    expect(chooseTarget([target("a", 0, { assignedCount: 5 }), target("b", 1, { qrExpiresAt: now })], 5, now)).toBeNull();
    expect(chooseTarget([], 5, now)).toBeNull();
  });

  it("keeps a returning visitor in a full group while its QR works, not once it expired", () => {
    expect(keepsPreviousTarget(target("a", 0, { assignedCount: 99 }), now)).toBe(true);
    expect(keepsPreviousTarget(target("a", 0, { qrExpiresAt: new Date(now.getTime() - day) }), now)).toBe(false);
    expect(keepsPreviousTarget(undefined, now)).toBe(false);
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
