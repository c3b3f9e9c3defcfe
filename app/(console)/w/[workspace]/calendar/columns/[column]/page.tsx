import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getColumn } from "@/lib/content/columns-queries";
import { scopeValue } from "@/lib/content/columns-schema";
import { listContentOptions } from "@/lib/content/options";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ColumnForm } from "../_components/column-form";
import { columnScopes } from "../_components/scopes";

export const metadata: Metadata = { title: "编辑栏目 Edit column" };

export default async function EditColumnPage({ params }: { params: Promise<{ workspace: string; column: string }> }) {
  const { workspace, column: columnId } = await params;
  const ctx = await getWorkspaceContext(workspace);
  if (!hasRole(ctx.role, "operator") || !isUuid(columnId)) notFound();
  const workspaceId = ctx.workspace.id;
  const [t, column, scopes, options] = await Promise.all([getTranslations("contentColumns"), getColumn(getDb(), { workspaceId, columnId }), columnScopes(workspaceId), listContentOptions(getDb(), workspaceId)]);
  if (!column) notFound();
  // An archived default item stays selectable on this column only, so saving keeps it.
  const items = column.contentItemId && column.contentItemArchived ? [...options, { id: column.contentItemId, title: `${column.contentItemTitle} (${t("itemArchived")})` }] : options;
  const scope = scopeValue(column);
  const groups = column.groupId && !scopes.groups.some((g) => g.value === scope) ? [...scopes.groups, { value: scope, label: column.groupName ?? "" }] : scopes.groups;
  return (
    <div className="space-y-4">
      <Link href={`/w/${workspaceId}/calendar/columns`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={`${t("editTitle")} · ${column.name}`} />
      <Card>
        <ColumnForm
          workspaceId={workspaceId}
          scopes={{ types: scopes.types, groups }}
          items={items}
          values={{
            columnId: column.id,
            name: column.name,
            category: column.category,
            scope,
            weekday: column.weekday ? String(column.weekday) : "",
            timeOfDay: column.timeOfDay,
            contentItemId: column.contentItemId ?? "",
            notes: column.notes,
          }}
        />
      </Card>
    </div>
  );
}
