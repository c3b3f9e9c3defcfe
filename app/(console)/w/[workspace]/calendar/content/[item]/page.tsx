import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CategoryBadge } from "@/components/content/category";
import { ContentPreview } from "@/components/content/content-preview";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getContentItem, getContentUsage, listContentTags } from "@/lib/content/queries";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ContentItemForm } from "../_components/content-item-form";
import { ItemActions } from "../_components/item-actions";

export const metadata: Metadata = { title: "内容 Content" };

export default async function ContentItemPage({ params }: { params: Promise<{ workspace: string; item: string }> }) {
  const { workspace, item: itemId } = await params;
  const ctx = await getWorkspaceContext(workspace);
  if (!isUuid(itemId)) notFound();
  const workspaceId = ctx.workspace.id;
  const [t, item, usage, tags] = await Promise.all([
    getTranslations("content"),
    getContentItem(getDb(), { workspaceId, itemId }),
    getContentUsage(getDb(), { workspaceId, itemId }),
    listContentTags(getDb(), workspaceId),
  ]);
  if (!item) notFound();
  const canEdit = hasRole(ctx.role, "operator");
  const used = usage.posts + usage.steps + usage.columns;

  return (
    <div className="space-y-4">
      <Link href={`/w/${workspaceId}/calendar/content`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={item.title}>
        <div className="flex flex-wrap items-center gap-2">
          <CategoryBadge category={item.category} />
          <Badge>{t(`formats.${item.format}`)}</Badge>
          {item.archivedAt ? <Badge tone="amber">{t("archivedBadge")}</Badge> : null}
        </div>
      </PageHeader>
      <p className="text-sm text-stone-600">{used ? t("usage", usage) : t("unused")}</p>
      {canEdit ? <ItemActions workspaceId={workspaceId} itemId={item.id} archived={!!item.archivedAt} deletable={used === 0} /> : null}
      {canEdit && !item.archivedAt ? (
        <Card>
          <ContentItemForm
            workspaceId={workspaceId}
            knownTags={tags}
            values={{
              itemId: item.id,
              title: item.title,
              category: item.category,
              format: item.format,
              tags: item.tags,
              variants: item.variants.map((v) => ({ ...v, linkUrl: v.linkUrl ?? "", miniProgramTitle: v.miniProgramTitle ?? "", miniProgramPath: v.miniProgramPath ?? "" })),
            }}
          />
        </Card>
      ) : (
        <Card title={t("readOnlyTitle")} lead={item.archivedAt ? t("archivedLead") : t("readOnlyLead")}>
          {item.tags.length ? <p className="mb-4 text-sm text-stone-700">{item.tags.map((x) => `#${x}`).join(" ")}</p> : null}
          <div className="flex flex-wrap gap-6">
            {item.variants.map((v) => (
              <div key={v.id} className="space-y-2">
                <p className="text-center text-sm font-medium text-stone-800">{t("previewVariant", { label: v.label })}</p>
                <ContentPreview workspaceId={workspaceId} title={item.title} format={item.format} variant={v} />
              </div>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}
