import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listContentOptions } from "@/lib/content/options";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ExperimentForm } from "../_components/experiment-form";

export const metadata: Metadata = { title: "新建 A/B 测试 New A/B test" };
export const dynamic = "force-dynamic";

export default async function NewExperimentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  if (!hasRole(ctx.role, "operator")) notFound();
  const db = getDb();
  const [t, items, groupRows] = await Promise.all([
    getTranslations("experiments"),
    listContentOptions(db, ctx.workspace.id),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(and(eq(groups.workspaceId, ctx.workspace.id), ne(groups.stage, "archived"))).orderBy(asc(groups.name)),
  ]);
  const testable = items.filter((i) => i.variants.length >= 2);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/w/${ctx.workspace.id}/dashboards/experiments`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={t("newTest")} lead={t("lead")} />
      <Card>{testable.length === 0 ? <p className="text-sm text-stone-600">{t("form.noItems")}</p> : <ExperimentForm workspaceId={ctx.workspace.id} items={testable} groups={groupRows} />}</Card>
    </div>
  );
}
