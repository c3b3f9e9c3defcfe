import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { AddStarterButton, NewTemplateForm } from "@/components/sop/new-template";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import type { Translate } from "@/lib/positioning/format";
import { listTemplates } from "@/lib/sop/queries";
import { STARTERS } from "@/lib/sop/starters";
import { communityTypeOptions } from "@/lib/sop/type-options";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { addStarterAction, createTemplateAction, deleteTemplateAction } from "./actions";

export const metadata: Metadata = { title: "SOP 模板 SOP templates" };
export const dynamic = "force-dynamic";

export default async function TemplatesPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const workspaceId = ctx.workspace.id;
  const db = getDb();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const [templates, types] = await Promise.all([listTemplates(db, workspaceId), communityTypeOptions(db, workspaceId, t as unknown as Translate)]);
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${workspaceId}/calendar/templates`;
  const added = new Set(templates.map((x) => x.starterKey));

  return (
    <div className="space-y-6">
      <PageHeader title={t("sop.title")} lead={t("sop.lead")}>
        {canEdit ? (
          <LinkButton href={`${base}/import`} variant="secondary">
            {t("sop.import")}
          </LinkButton>
        ) : null}
      </PageHeader>
      <Card title={t("sop.listTitle")} id="templates">
        {templates.length === 0 ? (
          <p className="text-sm text-stone-600">{t("sop.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("sop.name")}</th>
                  <th className="py-2 pr-3 font-medium">{t("sop.timing")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("sop.communityType")}</th>
                  <th className="py-2 pr-3 font-medium">{t("sop.colSteps")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("sop.colRuns")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("sop.colUpdated")}</th>
                  {canEdit ? <th className="py-2 font-medium">{t("sop.colActions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {templates.map((x) => (
                  <tr key={x.id} className="border-t border-stone-100 align-top">
                    <td className="py-2 pr-3">
                      <Link href={`${base}/${x.id}`} className="font-medium text-emerald-800 underline-offset-2 hover:underline">
                        {x.name}
                      </Link>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {x.starterKey ? <Badge tone="amber">{t("sop.fromStarter")}</Badge> : null}
                        <Badge>{t("sop.version", { version: x.version })}</Badge>
                      </div>
                    </td>
                    <td className="py-2 pr-3">{x.timing ? t(`sop.timings.${x.timing}`) : "—"}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">{types.label(x.communityType) || "—"}</td>
                    <td className="py-2 pr-3">{x.stepCount}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">{x.runCount}</td>
                    <td className="hidden py-2 pr-3 text-stone-600 md:table-cell">{format.dateTime(x.updatedAt, { dateStyle: "medium", timeZone: ctx.workspace.timeZone })}</td>
                    {canEdit ? (
                      <td className="py-2">
                        <div className="flex flex-wrap gap-1">
                          <LinkButton href={`${base}/${x.id}/apply`} variant="ghost">
                            {t("sop.apply")}
                          </LinkButton>
                          <ActionButton
                            action={deleteTemplateAction.bind(null, workspaceId)}
                            fields={{ templateId: x.id }}
                            label={t("sop.delete")}
                            ariaLabel={t("sop.deleteNamed", { name: x.name })}
                            variant="danger"
                            confirm={t("sop.deleteConfirm", { name: x.name })}
                          />
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("sop.startersTitle")} lead={t("sop.startersLead")} id="starters">
        <ul className="grid gap-3 md:grid-cols-2">
          {STARTERS.map((s) => (
            <li key={s.key} className="flex flex-col justify-between gap-2 rounded-md border border-stone-200 p-3" data-testid={`starter-${s.key}`}>
              <div>
                <h3 className="text-sm font-semibold text-stone-900">{s.name}</h3>
                <p className="mt-1 text-xs text-stone-600">{s.description}</p>
                <p className="mt-1 text-xs text-stone-500">
                  {t(`sop.timings.${s.steps[0]!.timing}`)} · {t("sop.stepCount", { count: s.steps.length })}
                  {added.has(s.key) ? ` · ${t("sop.alreadyAdded")}` : ""}
                </p>
              </div>
              {canEdit ? <AddStarterButton action={addStarterAction.bind(null, workspaceId)} base={base} starterKey={s.key} name={s.name} /> : null}
            </li>
          ))}
        </ul>
      </Card>
      {canEdit ? (
        <Card title={t("sop.newTitle")} id="new-template">
          <NewTemplateForm action={createTemplateAction.bind(null, workspaceId)} base={base} />
        </Card>
      ) : null}
    </div>
  );
}
