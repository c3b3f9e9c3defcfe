import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ActionButton } from "@/components/ui/action-button";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getExperiment, getExperimentResults } from "@/lib/experiments/queries";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { declareWinnerAction, stopExperimentAction } from "../actions";
import { ResultsTable, VariantDaily } from "../_components/results";
import { ExportLink } from "../_components/export-link";
import { StatusBadge } from "../_components/status-badge";
import { Verdict } from "../_components/verdict";

export const metadata: Metadata = { title: "A/B 测试 A/B test" };
export const dynamic = "force-dynamic";

export default async function ExperimentPage({ params }: { params: Promise<{ workspace: string; experiment: string }> }) {
  const p = await params;
  const ctx = await getWorkspaceContext(p.workspace);
  if (!isUuid(p.experiment)) notFound();
  const db = getDb();
  const workspaceId = ctx.workspace.id;
  const timeZone = ctx.workspace.timeZone;
  const experiment = await getExperiment(db, { workspaceId, experimentId: p.experiment, timeZone });
  if (!experiment) notFound();
  const [t, format, results] = await Promise.all([getTranslations("experiments"), getFormatter(), getExperimentResults(db, { workspaceId, experiment, timeZone })]);
  const canEdit = hasRole(ctx.role, "operator") && experiment.status !== "decided";
  const base = `/w/${workspaceId}/dashboards/experiments`;
  const label = (id: string) => (id === experiment.variantAId ? experiment.variantA.label : experiment.variantB.label);

  return (
    <div className="space-y-6">
      <Link href={base} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={experiment.name} lead={`${t("detail.item", { title: experiment.itemTitle })} · ${t(`modes.${experiment.mode}`)} · ${results.to ? t("detail.sinceUntil", { from: results.from, to: results.to }) : t("detail.since", { from: results.from })} · ${t("detail.minSample", { min: experiment.minSample })}`}>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={experiment.status} />
          <ExportLink href={`${base}/export?table=results&experiment=${experiment.id}`} label={t("exportCsv")} />
          <ExportLink href={`${base}/export?table=daily&experiment=${experiment.id}`} label={t("exportDailyCsv")} />
        </div>
      </PageHeader>

      <Card title={t("detail.verdictTitle")} id="verdict">
        <Verdict experiment={experiment} results={results} />
        {experiment.winnerVariantId ? <p className="mt-3 font-medium text-emerald-800">{t("detail.winner", { label: label(experiment.winnerVariantId) })}</p> : null}
        {canEdit ? (
          <div className="mt-4 flex flex-wrap gap-2">
            {[experiment.variantA, experiment.variantB].map((v) => (
              <ActionButton
                key={v.id}
                action={declareWinnerAction.bind(null, workspaceId)}
                fields={{ experimentId: experiment.id, winnerVariantId: v.id }}
                label={`${t("detail.decide")}:${v.label}`}
                ariaLabel={t("detail.decideAria", { label: v.label })}
                variant="secondary"
                confirm={t("detail.decideConfirm", { label: v.label })}
              />
            ))}
            {experiment.status === "running" ? <ActionButton action={stopExperimentAction.bind(null, workspaceId)} fields={{ experimentId: experiment.id }} label={t("detail.stop")} variant="danger" confirm={t("detail.stopConfirm")} /> : null}
          </div>
        ) : !hasRole(ctx.role, "operator") ? (
          <p className="mt-3 text-sm text-stone-500">{t("detail.viewerNote")}</p>
        ) : null}
      </Card>

      <Card title={t("detail.results")} id="results">
        <ResultsTable results={results} />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <VariantDaily side={results.a} color="#b91c1c" />
        <VariantDaily side={results.b} color="#ca8a04" />
      </div>

      <Card title={t("detail.assignments")} id="assignments">
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {experiment.groups.map((g) => (
            <li key={g.groupId} className="rounded-md border border-stone-200 px-3 py-2">
              <span className="font-medium">{g.groupName}</span>
              {experiment.mode === "by_group" ? (
                <span className="ml-2">→ {label(g.variantId)}</span>
              ) : (
                <span className="block text-stone-600">
                  {t("detail.thisWeek")}:{label(g.variantId)} · {t("detail.weeks")}:{g.weeks.slice(0, 6).map((w) => `${format.dateTime(new Date(`${w.weekStart}T00:00:00Z`), { month: "numeric", day: "numeric", timeZone: "UTC" })} ${label(w.variantId)}`).join(" · ")}
                </span>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
