import { z } from "zod";
import { workspaceNameSchema } from "@/lib/workspaces/schema";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const emailSchema = z.string().trim().toLowerCase().max(254, "validation.tooLong").pipe(z.email("validation.email"));
export const newPasswordSchema = z.string().min(8, "validation.passwordTooShort").max(200, "validation.tooLong");
export const personNameSchema = z.string().trim().min(1, "validation.required").max(50, "validation.tooLong");

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  workspaceName: workspaceNameSchema,
});

export const signInSchema = z.object({
  email: z.string().trim().min(1, "validation.required"),
  password: z.string().min(1, "validation.required"),
  callbackUrl: z.string().optional(),
});

export const acceptInviteSignUpSchema = z.object({
  name: personNameSchema,
  password: newPasswordSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "validation.passwordMismatch", path: ["confirmPassword"] });

export const updateProfileSchema = z.object({ name: personNameSchema });
export const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });
