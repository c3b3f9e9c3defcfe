import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { SyncRuns } from "@/components/sop/sync-runs";
import { TemplateEditor } from "@/components/sop/template-editor";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { listContentOptions } from "@/lib/content/options";
import type { Translate } from "@/lib/positioning/format";
import { getTemplateContext } from "@/lib/sop/page-context";
import { listRuns } from "@/lib/sop/queries";
import { planSync } from "@/lib/sop/sync";
import { communityTypeOptions } from "@/lib/sop/type-options";
import { saveTemplateAction, syncRunsAction } from "../actions";

export const metadata: Metadata = { title: "SOP 模板 SOP template" };
export const dynamic = "force-dynamic";

export default async function TemplatePage({ params }: { params: Promise<{ workspace: string; template: string }> }) {
  const p = await params;
  const ctx = await getTemplateContext(p.workspace, p.template);
  const { template } = ctx;
  const workspaceId = ctx.workspace.id;
  const db = getDb();
  const canEdit = hasRole(ctx.role, "operator");
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const [options, types, runs, sync] = await Promise.all([
    listContentOptions(db, workspaceId),
    communityTypeOptions(db, workspaceId, t as unknown as Translate),
    listRuns(db, { workspaceId, templateId: template.id }),
    canEdit ? planSync(db, { workspaceId, templateId: template.id, now: new Date(), userId: ctx.session.user.id }) : null,
  ]);
  const base = `/w/${workspaceId}/calendar/templates/${template.id}`;

  return (
    <div className="space-y-6">
      <PageHeader title={template.name} lead={template.description || undefined}>
        <div className="flex flex-wrap gap-2">
          {canEdit && template.steps.length ? <LinkButton href={`${base}/apply`}>{t("sop.apply")}</LinkButton> : null}
          <LinkButton href={`${base}/print`} variant="secondary">
            {t("sop.print")}
          </LinkButton>
        </div>
      </PageHeader>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge>{t("sop.version", { version: template.version })}</Badge>
        {template.starterKey ? <Badge tone="amber">{t("sop.fromStarter")}</Badge> : null}
        <span className="text-stone-500">{t("sop.exportLabel")}</span>
        {(["xlsx", "csv", "md", "json"] as const).map((f) => (
          <a key={f} href={`${base}/export?format=${f}`} className="rounded border border-stone-300 px-2 py-1 text-xs text-stone-700 hover:bg-stone-50" download>
            {t(`sop.exportFormats.${f}`)}
          </a>
        ))}
      </div>
      {sync && sync.total > 0 ? (
        <Card title={t("sop.syncTitle")} id="sync">
          <SyncRuns
            action={syncRunsAction.bind(null, workspaceId)}
            templateId={template.id}
            version={template.version}
            counts={{ updates: sync.updates.length, cancels: sync.cancels.length, creates: sync.creates.length, runs: sync.runIds.length }}
          />
        </Card>
      ) : null}
      <Card title={t("sop.stepsCardTitle")} id="editor">
        <TemplateEditor template={template} action={saveTemplateAction.bind(null, workspaceId)} options={options} typeOptions={types.options} canEdit={canEdit} />
      </Card>
      <Card title={t("sop.runsTitle")} id="runs">
        {runs.length === 0 ? (
          <p className="text-sm text-stone-600">{t("sop.noRuns")}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {runs.map((r) => (
              <li key={r.id} className="py-2">
                <div className="font-medium">{r.groupNames.join("、") || t("sop.groupsGone")}</div>
                <div className="text-xs text-stone-600">
                  {r.endDate ? t("sop.runDates", { start: r.startDate, end: r.endDate }) : t("sop.runAnchor", { start: r.startDate, anchor: template.anchorLabel || t("sop.dayZero") })} ·{" "}
                  {t(`sop.channels.${r.channel}`)} · {t("sop.runPosts", { posts: r.posts, open: r.open })} · {t("sop.version", { version: r.templateVersion })} ·{" "}
                  {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
