"use server";

import { workspaceAction, userAction } from "@/lib/action";
import { sendTestPing } from "@/lib/dispatch/ping";
import { emptySchema, saveCalendarRulesSchema, saveWebhookSchema } from "@/lib/dispatch/schema";
import { removeWebhook, rotateWebhookSecret, saveCalendarRules, saveWebhook } from "@/lib/dispatch/settings";
import { recomputeActivity } from "@/lib/members/activity-job";
import { saveActivityRule } from "@/lib/members/rule-commands";
import { activityRuleSchema } from "@/lib/members/rule-schema";
import { changePassword, updateProfile } from "@/lib/users/commands";
import { changePasswordSchema, updateProfileSchema } from "@/lib/users/schema";
import { changeMemberRole, createInvite, removeMember, renameWorkspace, revokeInvite } from "@/lib/workspaces/commands";
import {
  changeRoleSchema,
  createInviteSchema,
  removeMemberSchema,
  renameWorkspaceSchema,
  revokeInviteSchema,
} from "@/lib/workspaces/schema";
import { inviteUrlPath } from "@/lib/workspaces/tokens";

export const renameWorkspaceAction = workspaceAction(
  { role: "owner", schema: renameWorkspaceSchema, revalidate: "settings" },
  ({ db, workspaceId }, input) => renameWorkspace(db, { workspaceId, name: input.name }),
  (i) => ({ action: "workspace.rename", data: { name: i.name } }),
);

export const createInviteAction = workspaceAction(
  {
    role: "owner",
    schema: createInviteSchema,
    revalidate: "settings"
  },
  async ({ db, workspaceId, session }, input) => {
    const invite = await createInvite(db, { workspaceId, email: input.email, role: input.role, invitedBy: session.user.id });
    // The secret leaves the server once, in this answer; only its hash is stored.
    return { inviteId: invite.inviteId, path: inviteUrlPath(workspaceId, invite.token) };
  },
  (i, d) => ({ action: "invite.create", targetType: "invite", targetId: d.inviteId, data: { email: i.email, role: i.role } }),
);

export const revokeInviteAction = workspaceAction(
  { role: "owner", schema: revokeInviteSchema, revalidate: "settings" },
  ({ db, workspaceId }, input) => revokeInvite(db, { workspaceId, inviteId: input.inviteId }),
  (i) => ({ action: "invite.revoke", targetType: "invite", targetId: i.inviteId }),
);

export const changeRoleAction = workspaceAction(
  {
    role: "owner",
    schema: changeRoleSchema,
    revalidate: "settings"
  },
  ({ db, workspaceId }, input) => changeMemberRole(db, { workspaceId, userId: input.userId, role: input.role }),
  (i, d) => ({ action: "member.change_role", targetType: "user", targetId: i.userId, data: { from: d.previous, to: i.role } }),
);

export const removeMemberAction = workspaceAction(
  {
    role: "owner",
    schema: removeMemberSchema,
    revalidate: "settings"
  },
  ({ db, workspaceId }, input) => removeMember(db, { workspaceId, userId: input.userId }),
  (i, d) => ({ action: "member.remove", targetType: "user", targetId: i.userId, data: { role: d.role } }),
);

export const updateProfileAction = userAction(updateProfileSchema, ({ db, session }, input) =>
  updateProfile(db, { userId: session.user.id, name: input.name }),
);

export const changePasswordAction = userAction(changePasswordSchema, ({ db, session }, input) =>
  changePassword(db, {
    userId: session.user.id,
    sessionId: session.sessionId,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  }),
);

/** A new rule applies at once: scores are recomputed in the same transaction. */
export const saveActivityRuleAction = workspaceAction(
  { role: "operator", schema: activityRuleSchema, revalidate: "" },
  async ({ db, workspaceId }, rule) => {
    await saveActivityRule(db, { workspaceId, rule });
    return recomputeActivity(db, { workspaceId });
  },
  (i) => ({ action: "activity_rule.update", targetType: "workspace", data: i }),
);

// ── Sending: calendar rules and the webhook channel (owner only; lib/dispatch/settings.ts) ──

export const saveCalendarRulesAction = workspaceAction(
  { role: "owner", schema: saveCalendarRulesSchema, revalidate: "" },
  ({ db, workspaceId }, input) => saveCalendarRules(db, workspaceId, input),
  (i) => ({ action: "calendar_settings.update", targetType: "workspace", data: i }),
);

/** The secret is in the answer only when this save created it; the audit row never holds it. */
export const saveWebhookAction = workspaceAction(
  { role: "owner", schema: saveWebhookSchema, revalidate: "settings" },
  ({ db, workspaceId }, input) => saveWebhook(db, workspaceId, input),
  (i, d) => ({ action: "webhook.save", targetType: "workspace", data: { url: d.url, maxAttempts: i.maxAttempts, secretCreated: !!d.secret } }),
);

export const rotateWebhookSecretAction = workspaceAction(
  { role: "owner", schema: emptySchema, revalidate: "settings" },
  ({ db, workspaceId }) => rotateWebhookSecret(db, workspaceId),
  () => ({ action: "webhook.rotate_secret", targetType: "workspace" }),
);

export const removeWebhookAction = workspaceAction(
  { role: "owner", schema: emptySchema, revalidate: "settings" },
  async ({ db, workspaceId }) => {
    await removeWebhook(db, workspaceId);
    return null;
  },
  () => ({ action: "webhook.remove", targetType: "workspace" }),
);

export const testWebhookAction = workspaceAction(
  { role: "owner", schema: emptySchema },
  ({ db, workspaceId }) => sendTestPing(db, workspaceId),
  (_, d) => ({ action: "webhook.test", targetType: "workspace", data: d }),
);
