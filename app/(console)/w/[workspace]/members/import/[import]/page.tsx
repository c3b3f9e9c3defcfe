import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listGroups } from "@/lib/groups/queries";
import { groupFiltersSchema } from "@/lib/groups/schema";
import { isUuid } from "@/lib/ids";
import type { Mapping } from "@/lib/members/import/fields";
import { getImport, listImportProblems, previewUpload } from "@/lib/members/importer/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ImportFlow } from "../_components/import-flow";

export const metadata: Metadata = { title: "导入名册 Import" };

export default async function ImportDetailPage({ params }: { params: Promise<{ workspace: string; import: string }> }) {
  const { workspace, import: importId } = await params;
  const ctx = await getWorkspaceContext(workspace);
  if (!isUuid(importId)) notFound();
  const db = getDb();
  const job = await getImport(db, { workspaceId: ctx.workspace.id, importId });
  if (!job) notFound();
  const [t, preview, problems, groupList] = await Promise.all([
    getTranslations("import"),
    previewUpload({ workspaceId: ctx.workspace.id, importId, kind: job.kind, saved: job.mapping as Mapping | null }),
    listImportProblems(db, { workspaceId: ctx.workspace.id, importId, limit: 100 }),
    listGroups(db, { workspaceId: ctx.workspace.id, filters: groupFiltersSchema.parse({ sort: "name" }) }),
  ]);
  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/w/${ctx.workspace.id}/members/import`} className="text-sm text-emerald-700 underline">
        ← {t("title")}
      </Link>
      <PageHeader title={job.filename} lead={t("detailLead")} />
      <Card>
        <ImportFlow
          workspaceId={ctx.workspace.id}
          importId={importId}
          canEdit={hasRole(ctx.role, "operator")}
          timeZone={ctx.workspace.timeZone}
          headers={preview.headers}
          rows={preview.rows}
          mapping={preview.mapping}
          groupId={job.groupId}
          groups={groupList.rows.map((g) => ({ id: g.id, name: g.name }))}
          initial={{
            status: job.status,
            totalRows: job.totalRows,
            processedRows: job.processedRows,
            importedRows: job.importedRows,
            skippedRows: job.skippedRows,
            createdMembers: job.createdMembers,
            error: job.error,
          }}
          problems={problems}
        />
      </Card>
    </div>
  );
}
