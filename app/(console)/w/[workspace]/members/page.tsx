import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch, FilterSelect, FilterSubmit } from "@/components/ui/filters";
import { hasRole } from "@/lib/auth/roles";
import { listGroups } from "@/lib/groups/queries";
import { groupFiltersSchema } from "@/lib/groups/schema";
import { getActivityRule } from "@/lib/groups/health-queries";
import { listMembers, listTagLibrary } from "@/lib/members/queries";
import { memberFiltersSchema } from "@/lib/members/schema";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { BulkTagForm } from "./_components/bulk-tag-form";
import { TagLibrary } from "./_components/tag-library";

export const metadata: Metadata = { title: "成员 Members" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function MembersPage({ params, searchParams }: Props) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const filters = memberFiltersSchema.parse(await searchParams);
  const db = getDb();
  const rule = await getActivityRule(db, ctx.workspace.id);
  const recall = { below: rule.recallBelow, silentDays: rule.silentDays };
  const [t, format, result, library, groupList] = await Promise.all([
    getTranslations("members"),
    getFormatter(),
    listMembers(db, { workspaceId: ctx.workspace.id, filters, recall }),
    listTagLibrary(db, ctx.workspace.id),
    listGroups(db, { workspaceId: ctx.workspace.id, filters: groupFiltersSchema.parse({ sort: "name" }) }),
  ]);
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}/members`;
  const groupName = new Map(library.groups.map((g) => [g.id, g.name]));
  const tagOptions = library.tags.map((tag) => ({ value: tag.id, label: tag.tagGroupId ? `${groupName.get(tag.tagGroupId)}:${tag.name}` : tag.name }));
  const query = (extra: Record<string, string>) =>
    `${base}?${new URLSearchParams(Object.entries({ q: filters.q, tag: filters.tag, group: filters.group, recall: filters.recall, ...extra }).filter((e): e is [string, string] => !!e[1]))}`;
  const exportQuery = (format: string) =>
    new URLSearchParams(Object.entries({ q: filters.q, tag: filters.tag, group: filters.group, recall: filters.recall, format }).filter((e): e is [string, string] => !!e[1]));
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: ctx.workspace.timeZone }) : t("never"));
  const filtered = !!(filters.q || filters.tag || filters.group || filters.recall);

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        <div className="flex flex-wrap gap-2 text-sm">
          {canEdit ? (
            <Link href={`${base}/import`} className="rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800">
              {t("importRoster")}
            </Link>
          ) : null}
          {(["csv", "xlsx"] as const).map((format) => (
            <a key={format} href={`${base}/export?${exportQuery(format)}`} className="rounded-md border border-stone-300 bg-white px-3 py-2">
              {t(format === "csv" ? "exportCsv" : "exportXlsx")}
            </a>
          ))}
        </div>
      </PageHeader>
      <Card>
        <FilterBar action={base}>
          <FilterSearch label={t("search")} value={filters.q} />
          <FilterSelect label={t("tag")} name="tag" value={filters.tag} options={tagOptions} anyLabel={t("any")} />
          <FilterSelect label={t("group")} name="group" value={filters.group} options={groupList.rows.map((g) => ({ value: g.id, label: g.name }))} anyLabel={t("any")} />
          <label className="flex items-center gap-2 self-center text-sm" title={t("recallLead", { below: recall.below, days: recall.silentDays })}>
            <input type="checkbox" name="recall" value="1" defaultChecked={!!filters.recall} />
            {t("recall")}
          </label>
          <FilterSubmit label={t("apply")} />
          <Link href={base} className="text-sm text-emerald-700 underline">
            {t("reset")}
          </Link>
        </FilterBar>
        {canEdit && result.total > 0 && tagOptions.length > 0 ? (
          <BulkTagForm
            workspaceId={ctx.workspace.id}
            count={result.total}
            tags={tagOptions}
            filter={{ q: filters.q ?? "", tag: filters.tag ?? "", group: filters.group ?? "", recall: filters.recall ?? "" }}
          />
        ) : null}
      </Card>
      <Card>
        <p className="mb-2 text-sm text-stone-600">{t("total", { count: result.total })}</p>
        {result.rows.length === 0 ? (
          <p className="text-sm text-stone-600">{filtered ? t("noMatch") : t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("col.member")}</th>
                  <th className="py-2 pr-3 font-medium">{t("col.phone")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("col.source")}</th>
                  <th className="py-2 pr-3 font-medium">{t("col.score")}</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("col.lastActive")}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((m) => (
                  <tr key={m.id} className="border-t border-stone-100">
                    <td className="py-2 pr-3">
                      <Link href={`${base}/${m.id}`} className="font-medium text-emerald-800 hover:underline">
                        {m.nickname || m.phone || m.externalId}
                      </Link>
                      {m.remark ? <div className="text-xs text-stone-500">{m.remark}</div> : null}
                    </td>
                    <td className="py-2 pr-3">{m.phone ?? "—"}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">{m.source ?? "—"}</td>
                    <td className="py-2 pr-3">{Math.round(m.activityScore)}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">{when(m.lastActiveAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="mt-3 flex gap-4 text-sm">
          {filters.after ? (
            <Link className="text-emerald-700 underline" href={query({})}>
              {t("first")}
            </Link>
          ) : null}
          {result.next ? (
            <Link className="text-emerald-700 underline" href={query({ after: result.next })}>
              {t("next")}
            </Link>
          ) : null}
        </nav>
      </Card>
      <Card title={t("library")} lead={t("libraryLead")} id="tags">
        <TagLibrary workspaceId={ctx.workspace.id} canEdit={canEdit} groups={library.groups} tags={library.tags} />
      </Card>
    </div>
  );
}
