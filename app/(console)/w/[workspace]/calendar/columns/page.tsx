import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CategoryBadge, CategoryLegend } from "@/components/content/category";
import { ActionButton } from "@/components/ui/action-button";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { addLocalDays, instantDay, weekdayOf } from "@/lib/calendar/time";
import { columnsForGroup } from "@/lib/content/columns";
import { listColumns, type ColumnRow } from "@/lib/content/columns-queries";
import { scopeValue } from "@/lib/content/columns-schema";
import { listContentOptions } from "@/lib/content/options";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { deleteColumnAction } from "./actions";
import { ColumnForm } from "./_components/column-form";
import { FillForm } from "./_components/fill-form";
import { columnScopes } from "./_components/scopes";
import { WeekGrid } from "./_components/week-grid";

export const metadata: Metadata = { title: "栏目 Columns" };
export const dynamic = "force-dynamic";

export default async function ColumnsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const workspaceId = ctx.workspace.id;
  const [t, columns, scopes, items] = await Promise.all([getTranslations("contentColumns"), listColumns(getDb(), workspaceId), columnScopes(workspaceId), listContentOptions(getDb(), workspaceId)]);
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${workspaceId}/calendar/columns`;

  // One card per type or group that has columns, in the order the scope picker lists them.
  const order = [...scopes.types, ...scopes.groups].map((s) => s.value);
  const byScope = new Map<string, ColumnRow[]>();
  for (const c of columns) byScope.set(scopeValue(c), [...(byScope.get(scopeValue(c)) ?? []), c]);
  const sections = [...byScope.entries()].sort(([a], [b]) => (order.indexOf(a) + 1 || 1e6) - (order.indexOf(b) + 1 || 1e6));
  const sectionTitle = (scope: string, rows: ColumnRow[]) =>
    scope.startsWith("group:") ? t("groupScope", { name: rows[0]?.groupName ?? "" }) : t("typeScope", { type: scopes.typeLabel(rows[0]?.communityType ?? null) });
  const when = (c: ColumnRow) => `${c.weekday ? t(`weekdays.${c.weekday}`) : t("everyDay")} ${c.timeOfDay}`;

  // Default fill range: next Monday to Sunday in the workspace's zone.
  const today = instantDay(new Date(), ctx.workspace.timeZone);
  const monday = addLocalDays(today, ((8 - weekdayOf(today)) % 7) || 7);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <CategoryLegend compact />
      {sections.length === 0 ? <p className="text-sm text-stone-600">{t("empty")}</p> : null}
      {sections.map(([scope, rows]) => {
        const title = sectionTitle(scope, rows);
        return (
          <Card key={scope} title={title}>
            <WeekGrid columns={rows} label={t("rhythm", { scope: title })} />
            <ul className="mt-4 divide-y divide-stone-100">
              {rows.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                  <div className="min-w-0 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-stone-900">{c.name}</span>
                      <CategoryBadge category={c.category} />
                      <span className="tabular-nums text-stone-600">{when(c)}</span>
                    </div>
                    {c.contentItemId ? (
                      <p className="text-xs text-stone-600">
                        {t("defaultItem")}{" "}
                        <Link href={`/w/${workspaceId}/calendar/content/${c.contentItemId}`} className="text-emerald-800 underline">
                          {c.contentItemTitle}
                        </Link>
                        {c.contentItemArchived ? ` · ${t("itemArchived")}` : ""}
                      </p>
                    ) : null}
                    {c.notes ? <p className="text-xs text-stone-500">{c.notes}</p> : null}
                  </div>
                  {canEdit ? (
                    <div className="flex items-center gap-1">
                      <Link href={`${base}/${c.id}`} className="rounded-md px-2 py-1 text-sm text-emerald-800 underline" aria-label={t("editNamed", { name: c.name })}>
                        {t("edit")}
                      </Link>
                      <ActionButton action={deleteColumnAction.bind(null, workspaceId)} fields={{ columnId: c.id }} label={t("delete")} ariaLabel={t("deleteNamed", { name: c.name })} confirm={t("deleteConfirm", { name: c.name })} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        );
      })}
      {canEdit ? (
        <>
          <Card title={t("newColumn")} lead={t("newLead")} id="new-column">
            <ColumnForm
              workspaceId={workspaceId}
              scopes={{ types: scopes.types, groups: scopes.groups }}
              items={items}
              values={{ name: "", category: "activity", scope: "", weekday: "1", timeOfDay: "20:00", contentItemId: "", notes: "" }}
            />
          </Card>
          <Card title={t("fill.title")} lead={t("fill.lead")} id="fill">
            <FillForm
              workspaceId={workspaceId}
              from={monday}
              to={addLocalDays(monday, 6)}
              groups={scopes.groupRows.map((g) => ({ id: g.id, name: g.name, typeLabel: scopes.typeLabel(g.communityType), columns: columnsForGroup(columns, g).length }))}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
