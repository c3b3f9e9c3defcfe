import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { getCalendarSettings } from "@/lib/dispatch/settings";
import { getActivityRule } from "@/lib/groups/health-queries";
import { listAuditLog, listMembers, listPendingInvites } from "@/lib/workspaces/queries";
import { AccountForms } from "./_components/account-forms";
import { ActivityRuleForm } from "./_components/activity-rule-form";
import { AuditList } from "./_components/audit-list";
import { InviteForm, PendingInvites } from "./_components/invites";
import { MembersTable } from "./_components/members-table";
import { SendingSettings } from "./_components/sending-settings";
import { WorkspaceNameForm } from "./_components/workspace-name-form";

export const metadata: Metadata = { title: "设置 Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await getWorkspaceContext(workspace);
  const isOwner = hasRole(ctx.role, "owner");
  const db = getDb();
  const [members, invites, audit, t, rule, sending, td] = await Promise.all([
    listMembers(db, ctx.workspace.id),
    isOwner ? listPendingInvites(db, ctx.workspace.id) : [],
    isOwner ? listAuditLog(db, ctx.workspace.id) : [],
    getTranslations("settings"),
    getActivityRule(db, ctx.workspace.id),
    getCalendarSettings(db, ctx.workspace.id),
    getTranslations("dispatchSettings"),
  ]);
  const members_ = members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("title")} />
      <Card title={t("workspaceSection")} id="workspace">
        <WorkspaceNameForm workspaceId={ctx.workspace.id} name={ctx.workspace.name} canEdit={isOwner} />
      </Card>
      <Card title={t("membersSection")} id="members">
        <MembersTable workspaceId={ctx.workspace.id} members={members_} currentUserId={ctx.session.user.id} canManage={isOwner} />
      </Card>
      {isOwner ? (
        <Card title={t("inviteSection")} lead={t("inviteLead")} id="invite">
          <InviteForm workspaceId={ctx.workspace.id} />
          <PendingInvites workspaceId={ctx.workspace.id} invites={invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))} />
        </Card>
      ) : null}
      <Card title={t("activitySection")} lead={t("activityLead")} id="activity">
        <ActivityRuleForm workspaceId={ctx.workspace.id} rule={rule} canEdit={hasRole(ctx.role, "operator")} />
      </Card>
      <Card title={td("title")} lead={isOwner ? td("lead") : td("leadReadOnly")} id="sending">
        <SendingSettings workspaceId={ctx.workspace.id} settings={sending} canEdit={isOwner} />
      </Card>
      <Card title={t("accountSection")} id="account">
        <AccountForms name={ctx.session.user.name} />
      </Card>
      {isOwner ? (
        <Card title={t("auditSection")} lead={t("auditLead")} id="audit">
          <AuditList entries={audit} timeZone={ctx.workspace.timeZone} />
        </Card>
      ) : null}
    </div>
  );
}
