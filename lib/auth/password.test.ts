import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("never keeps the password and accepts only the same one", async () => {
    const hash = await hashPassword("豆浆油条 2026");
    expect(hash).not.toContain("豆浆油条");
    expect(await verifyPassword(hash, "豆浆油条 2026")).toBe(true);
    expect(await verifyPassword(hash, "豆浆油条 2025")).toBe(false);
    expect(await hashPassword("豆浆油条 2026")).not.toBe(hash); // salted
  });

  it("treats a malformed stored hash as a mismatch", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
