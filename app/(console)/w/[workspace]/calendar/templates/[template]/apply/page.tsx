import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ApplyConfirm } from "@/components/sop/apply-confirm";
import { RunPreview } from "@/components/sop/run-preview";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import type { CheckWarning } from "@/lib/calendar/check-types";
import { checkProposedPosts } from "@/lib/calendar/checks";
import { addLocalDays, instantDay } from "@/lib/calendar/time";
import { AppError } from "@/lib/errors";
import { getTemplateContext } from "@/lib/sop/page-context";
import { previewData } from "@/lib/sop/preview";
import { listApplicableGroups } from "@/lib/sop/queries";
import { planRun } from "@/lib/sop/runs";
import { applyRunSchema, MAX_RUN_DAYS, POST_CHANNELS } from "@/lib/sop/schema";
import { applyRunAction } from "../../actions";

export const metadata: Metadata = { title: "应用 SOP Apply SOP" };
export const dynamic = "force-dynamic";

type Search = { groupIds?: string | string[]; startDate?: string; endDate?: string; channel?: string };

/**
 * Apply in two steps: this GET form makes the preview (nothing is written), the confirm button
 * sends the same inputs to the apply action.
 */
export default async function ApplyPage({ params, searchParams }: { params: Promise<{ workspace: string; template: string }>; searchParams: Promise<Search> }) {
  const p = await params;
  const ctx = await getTemplateContext(p.workspace, p.template);
  const { template } = ctx;
  const tz = ctx.workspace.timeZone;
  const sp = await searchParams;
  const t = await getTranslations();
  const groups = await listApplicableGroups(getDb(), ctx.workspace.id);
  const relative = template.steps.length > 0 && template.steps.every((s) => s.timing === "relative");
  const tomorrow = addLocalDays(instantDay(new Date(), tz), 1);
  const chosen = new Set(sp.groupIds === undefined ? [] : Array.isArray(sp.groupIds) ? sp.groupIds : [sp.groupIds]);
  const startDate = sp.startDate ?? tomorrow;
  const endDate = relative ? "" : (sp.endDate ?? addLocalDays(startDate, 6));
  const channel = sp.channel ?? "manual";

  let preview: { data: ReturnType<typeof previewData>; warnings: CheckWarning[] } | null = null;
  let problem: string | null = null;
  const asked = sp.startDate !== undefined;
  const parsed = applyRunSchema.safeParse({ templateId: template.id, templateVersion: template.version, groupIds: [...chosen], startDate, endDate, channel });
  if (asked && !parsed.success) problem = t(parsed.error.issues[0]?.message.includes(".") ? parsed.error.issues[0].message : "validation.invalid");
  if (asked && parsed.success) {
    try {
      const plan = await planRun(getDb(), { ...parsed.data, workspaceId: ctx.workspace.id, userId: ctx.session.user.id, timeZone: tz, now: new Date() });
      preview = { data: previewData(plan, tz), warnings: await checkProposedPosts(getDb(), { workspaceId: ctx.workspace.id, proposed: plan.proposed }) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = t(error.messageKey);
    }
  }
  const canEdit = hasRole(ctx.role, "operator");
  const groupNames = Object.fromEntries(groups.map((g) => [g.id, g.name]));

  return (
    <div className="space-y-6">
      <PageHeader title={t("sopApply.title", { name: template.name })} lead={relative ? t("sopApply.leadRelative", { anchor: template.anchorLabel || t("sop.dayZero") }) : t("sopApply.leadRepeating", { max: MAX_RUN_DAYS })} />
      <Card title={t("sopApply.formTitle")} id="apply-form">
        <form method="get" className="space-y-4">
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">{t("sopApply.groups")}</legend>
            {groups.length === 0 ? <p className="mt-1 text-sm text-stone-600">{t("sopApply.noGroups")}</p> : null}
            <div className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {groups.map((g) => (
                <label key={g.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="groupIds" value={g.id} defaultChecked={chosen.has(g.id)} className="h-4 w-4" />
                  {g.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            <label className="text-sm">
              <span className="block font-medium text-stone-800">{relative ? t("sopApply.anchorDate", { anchor: template.anchorLabel || t("sop.dayZero") }) : t("sopApply.startDate")}</span>
              <input type="date" name="startDate" required defaultValue={startDate} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
            </label>
            {relative ? null : (
              <label className="text-sm">
                <span className="block font-medium text-stone-800">{t("sopApply.endDate")}</span>
                <input type="date" name="endDate" required defaultValue={endDate} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
              </label>
            )}
            <label className="text-sm">
              <span className="block font-medium text-stone-800">{t("sopApply.channel")}</span>
              <select name="channel" defaultValue={channel} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2">
                {POST_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`sop.channels.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="text-xs text-stone-500">{t("sopApply.zoneNote", { zone: tz })}</p>
          <Button type="submit" variant="secondary">
            {t("sopApply.preview")}
          </Button>
        </form>
        {problem ? (
          <p role="status" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem}
          </p>
        ) : null}
      </Card>
      {preview && parsed.success ? (
        <Card title={t("sopApply.previewTitle")} id="preview">
          <RunPreview data={preview.data} warnings={preview.warnings} groupNames={groupNames} />
          {canEdit ? (
            <div className="mt-4">
              <ApplyConfirm
                action={applyRunAction.bind(null, ctx.workspace.id)}
                fields={{ templateId: template.id, templateVersion: String(template.version), startDate: parsed.data.startDate, endDate: parsed.data.endDate ?? "", channel: parsed.data.channel }}
                groupIds={parsed.data.groupIds}
                total={preview.data.total}
                calendarHref={`/w/${ctx.workspace.id}/calendar`}
              />
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
