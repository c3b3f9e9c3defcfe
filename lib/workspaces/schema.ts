import { z } from "zod";

// Messages are i18n keys: the form that shows them translates them.
export const roleSchema = z.enum(["owner", "operator", "viewer"], { error: "validation.role" });
export const workspaceNameSchema = z.string().trim().min(1, "validation.required").max(60, "validation.tooLong");

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema });
export const renameWorkspaceSchema = z.object({ name: workspaceNameSchema });

export const createInviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email")),
  role: roleSchema,
});
export const revokeInviteSchema = z.object({ inviteId: z.uuid("validation.invalid") });
export const changeRoleSchema = z.object({ userId: z.uuid("validation.invalid"), role: roleSchema });
export const removeMemberSchema = z.object({ userId: z.uuid("validation.invalid") });
