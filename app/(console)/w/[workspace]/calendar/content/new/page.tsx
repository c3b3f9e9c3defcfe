import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listContentTags } from "@/lib/content/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ContentItemForm } from "../_components/content-item-form";

export const metadata: Metadata = { title: "新建内容 New content" };

export default async function NewContentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  if (!hasRole(ctx.role, "operator")) notFound();
  const [t, tags] = await Promise.all([getTranslations("content"), listContentTags(getDb(), ctx.workspace.id)]);
  return (
    <div className="space-y-4">
      <Link href={`/w/${ctx.workspace.id}/calendar/content`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={t("newItem")} lead={t("newLead")} />
      <Card>
        <ContentItemForm workspaceId={ctx.workspace.id} knownTags={tags} values={{ title: "", category: "product", format: "text", tags: [], variants: [] }} />
      </Card>
    </div>
  );
}
