import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getGroupContext } from "@/lib/groups/context";
import { getPlan } from "@/lib/positioning/queries";
import { assembleStatement } from "@/lib/positioning/schema";
import { getGroupWelcome, listFaq, listPinnedFaqIds, listTemplates } from "@/lib/rules/queries";
import { emptyWelcome, welcomeFromPlan } from "@/lib/rules/welcome";
import { FaqPins } from "./faq-pins";
import { GroupWelcome } from "./group-welcome";

export const metadata: Metadata = { title: "群规 Group rules" };

export default async function GroupRulesPage({ params }: { params: Promise<{ workspace: string; group: string }> }) {
  const { workspace, group } = await params;
  const ctx = await getGroupContext(workspace, group);
  const db = getDb();
  const key = { workspaceId: ctx.workspace.id, groupId: ctx.group.id };
  const [t, welcome, templates, faq, pinned, plan] = await Promise.all([
    getTranslations("rules"),
    getGroupWelcome(db, key),
    listTemplates(db, ctx.workspace.id),
    listFaq(db, { workspaceId: ctx.workspace.id }),
    listPinnedFaqIds(db, key),
    ctx.group.positioningId ? getPlan(db, { workspaceId: ctx.workspace.id, planId: ctx.group.positioningId }) : null,
  ]);
  const canEdit = hasRole(ctx.role, "operator");
  const drafts = [
    ...(plan ? [{ label: t("draftFromPlan", { name: plan.name }), content: welcomeFromPlan({ name: ctx.group.name, statement: plan.answers.statement.text || assembleStatement(plan.answers.statement) }) }] : []),
    ...templates.map((tpl) => ({ label: t("useTemplate", { name: tpl.name }), content: tpl.content })),
  ];
  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/w/${ctx.workspace.id}/groups/${ctx.group.id}`} className="text-sm text-emerald-700 underline">
        ← {ctx.group.name}
      </Link>
      <PageHeader title={t("groupTitle", { name: ctx.group.name })} lead={t("groupLead")} />
      <Card title={t("welcomeTitle")}>
        <GroupWelcome
          workspaceId={ctx.workspace.id}
          groupId={ctx.group.id}
          groupName={ctx.group.name}
          initial={welcome?.content ?? emptyWelcome()}
          canEdit={canEdit}
          sender={ctx.group.staff.find((s) => s.role === "owner")?.name ?? ctx.session.user.name}
          drafts={drafts}
        />
      </Card>
      <Card title={t("pinnedFaq")} lead={t("pinnedFaqLead")}>
        <FaqPins workspaceId={ctx.workspace.id} groupId={ctx.group.id} faq={faq} pinned={pinned} canEdit={canEdit} />
      </Card>
    </div>
  );
}
