import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch, FilterSelect, FilterSubmit } from "@/components/ui/filters";
import { hasRole } from "@/lib/auth/roles";
import { groupFormOptions } from "@/lib/groups/options";
import { listGroupHealth } from "@/lib/groups/health-queries";
import { listGroups } from "@/lib/groups/queries";
import { GROUP_SORTS, GROUP_STAGES, groupFiltersSchema } from "@/lib/groups/schema";
import { communityTypeLabel, type Translate } from "@/lib/positioning/format";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { GroupTable } from "./_components/group-table";

export const metadata: Metadata = { title: "社群 Groups" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GroupsPage({ params, searchParams }: Props) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const raw = await searchParams;
  const filters = groupFiltersSchema.parse(raw);
  const t = await getTranslations();
  const tr = t as unknown as Translate;
  const db = getDb();
  const [result, options, health] = await Promise.all([
    listGroups(db, { workspaceId: ctx.workspace.id, filters }),
    groupFormOptions(db, ctx.workspace.id, tr),
    listGroupHealth(db, { workspaceId: ctx.workspace.id }),
  ]);
  const attention = health.filter((h) => h.dead || h.overdue);
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}/groups`;
  const any = t("groups.filters.any");
  const pageHref = (page: number) => {
    const q = new URLSearchParams(Object.entries({ ...filters, page: String(page) }).filter((e): e is [string, string] => !!e[1]));
    return `${base}?${q}`;
  };

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t("groups.title")} lead={t("groups.lead")}>
        {canEdit ? (
          <LinkButton href={`${base}/new`}>
            {t("groups.newGroup")}
          </LinkButton>
        ) : null}
      </PageHeader>
      <Card>
        <FilterBar action={base}>
          <FilterSearch label={t("groups.filters.q")} value={filters.q} />
          <FilterSelect label={t("groups.filters.type")} name="type" value={filters.type} options={options.types} anyLabel={any} />
          <FilterSelect
            label={t("groups.filters.stage")}
            name="stage"
            value={filters.stage}
            options={GROUP_STAGES.map((s) => ({ value: s, label: t(`groups.stages.${s}`) }))}
            anyLabel={t("groups.filters.notArchived")}
          />
          <FilterSelect label={t("groups.filters.plan")} name="plan" value={filters.plan} options={options.plans.map((p) => ({ value: p.id, label: p.name }))} anyLabel={any} />
          <FilterSelect label={t("groups.filters.owner")} name="owner" value={filters.owner} options={options.staff.map((s) => ({ value: s.id, label: s.name }))} anyLabel={any} />
          <FilterSelect label={t("groups.filters.sort")} name="sort" value={filters.sort} options={GROUP_SORTS.map((s) => ({ value: s, label: t(`groups.sorts.${s}`) }))} />
          <FilterSubmit label={t("groups.filters.apply")} />
          <Link href={base} className="text-sm text-emerald-700 underline">
            {t("groups.filters.reset")}
          </Link>
        </FilterBar>
      </Card>
      {health.length > 0 ? (
        <Card title={t("groups.attention")} lead={t("groups.attentionLead")} id="attention">
          {attention.length === 0 ? (
            <p className="text-sm text-emerald-800">{t("groups.attentionNone")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {attention.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`${base}/${h.id}`} className="text-emerald-800 underline">
                    {h.name}
                  </Link>
                  {h.dead ? <Badge tone="amber">{t("groups.deadBadge")}</Badge> : null}
                  {h.overdue ? <Badge tone="amber">{t("groups.overdueBadge")}</Badge> : null}
                  <span className="text-xs text-stone-500">
                    {t("groups.activeRatio")} {Math.round(h.activeRatio * 100)}%
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      <Card>
        {result.rows.length === 0 ? (
          <p className="text-sm text-stone-600">{result.total === 0 && !raw.q && !raw.type && !raw.stage && !raw.plan && !raw.owner ? t("groups.empty") : t("groups.noMatch")}</p>
        ) : (
          <GroupTable
            workspaceId={ctx.workspace.id}
            canEdit={canEdit}
            rows={result.rows.map((r) => ({
              id: r.id,
              name: r.name,
              type: communityTypeLabel(r.communityType, tr, options.custom),
              stage: r.stage,
              planName: r.planName,
              ownerName: r.ownerName,
              memberCount: r.memberCount,
              capacity: r.capacity,
              plannedEnd: r.plannedEnd,
            }))}
          />
        )}
        <nav className="mt-4 flex items-center justify-between text-sm text-stone-600" aria-label={t("groups.page", { page: filters.page, pages: result.pages })}>
          <span>
            {t("groups.total", { count: result.total })} · {t("groups.page", { page: filters.page, pages: result.pages })}
          </span>
          <span className="flex gap-3">
            {filters.page > 1 ? (
              <Link className="text-emerald-700 underline" href={pageHref(filters.page - 1)}>
                {t("groups.prev")}
              </Link>
            ) : null}
            {filters.page < result.pages ? (
              <Link className="text-emerald-700 underline" href={pageHref(filters.page + 1)}>
                {t("groups.next")}
              </Link>
            ) : null}
          </span>
        </nav>
      </Card>
    </div>
  );
}
