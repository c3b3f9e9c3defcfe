import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch, FilterSubmit } from "@/components/ui/filters";
import { hasRole } from "@/lib/auth/roles";
import { listGroups } from "@/lib/groups/queries";
import { groupFiltersSchema } from "@/lib/groups/schema";
import { listFaq, listModerationRules, listQuickReplies, listTemplates } from "@/lib/rules/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { FaqTab } from "./_components/faq-tab";
import { ModerationTab } from "./_components/moderation-tab";
import { RepliesTab } from "./_components/replies-tab";
import { TemplatesTab } from "./_components/templates-tab";

export const metadata: Metadata = { title: "群规与话术 Rules" };

const TABS = ["faq", "replies", "moderation", "templates"] as const;
type Tab = (typeof TABS)[number];

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ tab?: string; q?: string }> };

export default async function RulesPage({ params, searchParams }: Props) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const query = await searchParams;
  const tab: Tab = TABS.find((x) => x === query.tab) ?? "faq";
  const q = query.q?.trim().slice(0, 60) || undefined;
  const db = getDb();
  const t = await getTranslations("rules");
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}/rules`;
  const groups = (await listGroups(db, { workspaceId: ctx.workspace.id, filters: groupFiltersSchema.parse({ sort: "name" }) })).rows.map((g) => ({ id: g.id, name: g.name }));

  let body: React.ReactNode;
  if (tab === "faq") body = <FaqTab workspaceId={ctx.workspace.id} canEdit={canEdit} faq={await listFaq(db, { workspaceId: ctx.workspace.id, search: q })} />;
  else if (tab === "replies") body = <RepliesTab workspaceId={ctx.workspace.id} canEdit={canEdit} replies={await listQuickReplies(db, { workspaceId: ctx.workspace.id, search: q })} />;
  else if (tab === "moderation") body = <ModerationTab workspaceId={ctx.workspace.id} canEdit={canEdit} groups={groups} rules={await listModerationRules(db, { workspaceId: ctx.workspace.id, all: true })} />;
  else body = <TemplatesTab workspaceId={ctx.workspace.id} canEdit={canEdit} sender={ctx.session.user.name} templates={await listTemplates(db, ctx.workspace.id)} />;

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <nav aria-label={t("title")} className="flex flex-wrap gap-1 border-b border-stone-200">
        {TABS.map((x) => (
          <Link
            key={x}
            href={`${base}?tab=${x}`}
            aria-current={tab === x ? "page" : undefined}
            className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${tab === x ? "border-stone-200 border-b-white bg-white font-medium text-emerald-800" : "border-transparent text-stone-600"}`}
          >
            {t(`tabs.${x}`)}
          </Link>
        ))}
      </nav>
      <Card lead={t(`tabLeads.${tab}`)}>
        {tab === "faq" || tab === "replies" ? (
          <div className="mb-4">
            <FilterBar action={base}>
              <input type="hidden" name="tab" value={tab} />
              <FilterSearch label={t("search")} value={q} />
              <FilterSubmit label={t("searchButton")} />
            </FilterBar>
          </div>
        ) : null}
        {body}
      </Card>
    </div>
  );
}
