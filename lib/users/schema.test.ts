import { describe, expect, it } from "vitest";
import { changePasswordSchema, signUpSchema } from "./schema";

describe("sign-up input", () => {
  it("normalises the e-mail and trims names", () => {
    const parsed = signUpSchema.parse({ name: " 小王 ", email: " Wang@Store.CN ", password: "12345678", workspaceName: " 社区生鲜店 " });
    expect(parsed).toEqual({ name: "小王", email: "wang@store.cn", password: "12345678", workspaceName: "社区生鲜店" });
  });

  it("names each bad field with a message key", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short", workspaceName: "" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({
      name: "validation.required",
      email: "validation.email",
      password: "validation.passwordTooShort",
      workspaceName: "validation.required",
    });
  });
});

describe("password change input", () => {
  it("requires the confirmation to match", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "abcdefgh", confirmPassword: "abcdefgX" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "validation.passwordMismatch" });
  });
});
