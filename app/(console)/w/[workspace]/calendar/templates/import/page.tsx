import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportForm } from "@/components/sop/import-form";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { importTemplateAction } from "../actions";

export const metadata: Metadata = { title: "导入 SOP Import SOP" };
export const dynamic = "force-dynamic";

export default async function ImportTemplatePage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const t = await getTranslations();
  const base = `/w/${ctx.workspace.id}/calendar/templates`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("sopImport.title")} lead={t("sopImport.lead")} />
      <Card>
        {hasRole(ctx.role, "operator") ? (
          <ImportForm previewUrl={`${base}/import/preview`} base={base} action={importTemplateAction.bind(null, ctx.workspace.id)} />
        ) : (
          <p className="text-sm text-stone-600">{t("common.youAreViewer")}</p>
        )}
      </Card>
    </div>
  );
}
