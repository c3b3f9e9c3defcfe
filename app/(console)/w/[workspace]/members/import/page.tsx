import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listGroups } from "@/lib/groups/queries";
import { groupFiltersSchema } from "@/lib/groups/schema";
import { listRecentImports } from "@/lib/members/importer/queries";
import { MAX_UPLOAD_BYTES } from "@/lib/members/importer/store";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { UploadForm } from "./_components/upload-form";

export const metadata: Metadata = { title: "导入名册 Import" };

export default async function ImportPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  if (!hasRole(ctx.role, "operator")) notFound();
  const db = getDb();
  const [t, format, groupList, recent] = await Promise.all([
    getTranslations("import"),
    getFormatter(),
    listGroups(db, { workspaceId: ctx.workspace.id, filters: groupFiltersSchema.parse({ sort: "name" }) }),
    listRecentImports(db, ctx.workspace.id),
  ]);
  const base = `/w/${ctx.workspace.id}/members`;
  return (
    <div className="max-w-4xl space-y-6">
      <Link href={base} className="text-sm text-emerald-700 underline">
        ← {t("backToMembers")}
      </Link>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Card>
        <UploadForm workspaceId={ctx.workspace.id} groups={groupList.rows.map((g) => ({ id: g.id, name: g.name }))} maxMb={MAX_UPLOAD_BYTES / 1024 / 1024} />
      </Card>
      {recent.length ? (
        <Card title={t("recent")}>
          <ul className="divide-y divide-stone-100 text-sm">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                <Link className="text-emerald-800 underline" href={`${base}/import/${r.id}`}>
                  {r.filename}
                </Link>
                <span className="text-stone-600">
                  {t(`status.${r.status}`)} · {t("summary", { imported: r.importedRows, skipped: r.skippedRows })} · {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
