import { describe, expect, it } from "vitest";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT, isLocked } from "./rate-limit";

describe("sign-in lock", () => {
  it("engages at the account limit", () => {
    expect(isLocked({ account: ACCOUNT_FAILURE_LIMIT - 1, ip: 0 })).toBe(false);
    expect(isLocked({ account: ACCOUNT_FAILURE_LIMIT, ip: 0 })).toBe(true);
  });

  it("engages at the address limit, which is higher than the account limit", () => {
    expect(IP_FAILURE_LIMIT).toBeGreaterThan(ACCOUNT_FAILURE_LIMIT);
    expect(isLocked({ account: 0, ip: IP_FAILURE_LIMIT - 1 })).toBe(false);
    expect(isLocked({ account: 0, ip: IP_FAILURE_LIMIT })).toBe(true);
  });
});
