import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import { getPlanContext } from "@/lib/positioning/context";
import { PlanEditor } from "./_components/plan-editor";

type Params = { params: Promise<{ workspace: string; plan: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { workspace, plan } = await params;
  return { title: (await getPlanContext(workspace, plan)).plan.name };
}

export default async function PlanPage({ params }: Params) {
  const { workspace, plan: planId } = await params;
  const ctx = await getPlanContext(workspace, planId);
  const t = await getTranslations("positioning");
  const canEdit = hasRole(ctx.role, "operator") && !ctx.plan.archivedAt;
  return (
    <div className="max-w-5xl space-y-4">
      <Link href={`/w/${ctx.workspace.id}/positioning`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      {!hasRole(ctx.role, "operator") ? <p className="text-sm text-stone-600">{t("readOnly")}</p> : null}
      {ctx.plan.archivedAt ? <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">{t("archivedNotice")}</p> : null}
      <PlanEditor
        workspaceId={ctx.workspace.id}
        plan={{ id: ctx.plan.id, name: ctx.plan.name, version: ctx.plan.version, answers: ctx.plan.answers, isExample: !!ctx.plan.starter }}
        customTypes={ctx.customTypes}
        canEdit={canEdit}
      />
    </div>
  );
}
