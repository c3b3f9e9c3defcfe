import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listExperiments } from "@/lib/experiments/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ExportLink } from "./_components/export-link";
import { StatusBadge } from "./_components/status-badge";

export const metadata: Metadata = { title: "A/B 测试 A/B tests" };
export const dynamic = "force-dynamic";

export default async function ExperimentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const [t, format, rows] = await Promise.all([getTranslations("experiments"), getFormatter(), listExperiments(getDb(), ctx.workspace.id)]);
  const base = `/w/${ctx.workspace.id}/dashboards/experiments`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        <div className="flex flex-wrap gap-2">
          {rows.length > 0 ? (
            <ExportLink href={`${base}/export?table=list`} label={t("exportCsv")} />
          ) : null}
          {hasRole(ctx.role, "operator") ? <LinkButton href={`${base}/new`}>{t("newTest")}</LinkButton> : null}
        </div>
      </PageHeader>
      <Card>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  {(["name", "item", "mode", "groups", "status", "startedAt", "winner"] as const).map((c) => (
                    <th key={c} className="py-2 pr-4 font-medium">
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="py-2 pr-4">
                      <Link href={`${base}/${r.id}`} className="font-medium text-emerald-800 underline">
                        {r.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-4">{r.itemTitle}</td>
                    <td className="py-2 pr-4">{t(`modes.${r.mode}`)}</td>
                    <td className="py-2 pr-4 tabular-nums">{r.groupCount}</td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">{r.startedAt ? format.dateTime(r.startedAt, { dateStyle: "medium", timeZone: ctx.workspace.timeZone }) : "—"}</td>
                    <td className="py-2 pr-4">{r.winnerLabel ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
