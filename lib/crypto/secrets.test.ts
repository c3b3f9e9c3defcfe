import { beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, newSigningSecret } from "./secrets";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret";
});

describe("secrets at rest", () => {
  it("round-trips and never stores the clear text", () => {
    const secret = newSigningSecret();
    const stored = encryptSecret(secret, "workspace-1:webhook");
    expect(stored).not.toContain(secret);
    expect(decryptSecret(stored, "workspace-1:webhook")).toBe(secret);
  });

  it("refuses a value moved to another workspace or tampered with", () => {
    const stored = encryptSecret("s3cret", "workspace-1:webhook");
    expect(() => decryptSecret(stored, "workspace-2:webhook")).toThrow();
    const parts = stored.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(() => decryptSecret(parts.join("."), "workspace-1:webhook")).toThrow();
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", "c")).not.toBe(encryptSecret("same", "c"));
  });
});
