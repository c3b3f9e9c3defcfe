import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch, FilterSelect, FilterSubmit } from "@/components/ui/filters";
import { hasRole } from "@/lib/auth/roles";
import { getGroupContext } from "@/lib/groups/context";
import { listGroupHealth } from "@/lib/groups/health-queries";
import { countOpenMembers, listRoster } from "@/lib/groups/queries";
import { MEMBER_ROLES, rosterFiltersSchema } from "@/lib/groups/schema";
import { communityTypeLabel, type Translate } from "@/lib/positioning/format";
import { getPlan, listCommunityTypes } from "@/lib/positioning/queries";
import { AddMemberForm } from "./_components/add-member-form";
import { RosterTable } from "./_components/roster-table";

type Props = { params: Promise<{ workspace: string; group: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace, group } = await params;
  return { title: (await getGroupContext(workspace, group)).group.name };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const { workspace, group: groupId } = await params;
  const ctx = await getGroupContext(workspace, groupId);
  const filters = rosterFiltersSchema.parse(await searchParams);
  const db = getDb();
  const key = { workspaceId: ctx.workspace.id, groupId: ctx.group.id };
  const [t, format, roster, open, custom, plan, [health]] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listRoster(db, { ...key, filters }),
    countOpenMembers(db, key),
    listCommunityTypes(db, ctx.workspace.id),
    ctx.group.positioningId ? getPlan(db, { workspaceId: ctx.workspace.id, planId: ctx.group.positioningId }) : null,
    listGroupHealth(db, key),
  ]);
  const g = ctx.group;
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}/groups/${g.id}`;
  const query = (extra: Record<string, string>) =>
    `${base}?${new URLSearchParams(Object.entries({ q: filters.q, role: filters.role, status: filters.status, ...extra }).filter((e): e is [string, string] => !!e[1]))}`;
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="text-sm">{value || "—"}</dd>
    </div>
  );

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/w/${ctx.workspace.id}/groups`} className="text-sm text-emerald-700 underline">
        ← {t("groups.backToList")}
      </Link>
      <PageHeader title={g.name}>
        <div className="flex flex-wrap gap-2">
          <LinkButton href={`${base}/rules`} variant="secondary">
            {t("rules.openGroupRules")}
          </LinkButton>
          {canEdit ? (
            <LinkButton href={`${base}/edit`} variant="secondary">
              {t("groups.edit")}
            </LinkButton>
          ) : null}
        </div>
      </PageHeader>
      <Card>
        <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {fact(t("groups.fields.stage"), <Badge tone={g.stage === "active" ? "emerald" : "stone"}>{t(`groups.stages.${g.stage}`)}</Badge>)}
          {fact(t("groups.fields.communityType"), communityTypeLabel(g.communityType, t as unknown as Translate, custom))}
          {fact(
            t("groups.fields.positioningId"),
            plan ? (
              <Link className="text-emerald-700 underline" href={`/w/${ctx.workspace.id}/positioning/${plan.id}`}>
                {plan.name}
              </Link>
            ) : null,
          )}
          {fact(t("groups.fields.capacity"), t("groups.fill", { count: open, capacity: g.capacity }))}
          {fact(t("groups.fields.ownerUserId"), g.staff.find((s) => s.role === "owner")?.name)}
          {fact(t("groups.fields.adminUserIds"), g.staff.filter((s) => s.role === "admin").map((s) => s.name).join("、"))}
          {fact(t("groups.fields.entryThreshold"), g.entryThreshold ? t(`positioning.options.thresholds.${g.entryThreshold}`) : null)}
          {fact(t("groups.fields.plannedEnd"), g.plannedEnd)}
          {fact(t("groups.fields.externalChatId"), g.externalChatId)}
        </dl>
        {g.notes ? <p className="mt-4 whitespace-pre-line text-sm text-stone-700">{g.notes}</p> : null}
      </Card>
      {health ? (
        <Card title={t("groups.health")} lead={t("groups.healthLead")} id="health">
          {health.dead ? <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("groups.deadWarning")}</p> : null}
          {health.overdue ? <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("groups.overdueWarning")}</p> : null}
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-8">
            {fact(t("groups.membersNow"), String(health.counts.membersNow))}
            {fact(t("groups.joined7"), String(health.counts.joined7))}
            {fact(t("groups.left7"), String(health.counts.left7))}
            {fact(t("groups.joined30"), String(health.counts.joined30))}
            {fact(t("groups.left30"), String(health.counts.left30))}
            {fact(t("groups.activeRatio"), `${Math.round(health.activeRatio * 100)}%`)}
            {fact(t("groups.daysSince"), health.daysSinceActivity === null ? null : t("groups.daysValue", { days: health.daysSinceActivity }))}
          </dl>
        </Card>
      ) : null}
      <Card title={t("groups.roster")} lead={t("groups.rosterLead")} id="roster">
        {canEdit ? <AddMemberForm workspaceId={ctx.workspace.id} groupId={g.id} /> : null}
        <div className="mt-4">
          <FilterBar action={base}>
            <FilterSearch label={t("groups.rosterSearch")} value={filters.q} />
            <FilterSelect label={t("groups.role")} name="role" value={filters.role} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`groups.roles.${r}`) }))} anyLabel={t("groups.filters.any")} />
            <FilterSelect label={t("groups.filters.stage")} name="status" value={filters.status} options={(["current", "left", "all"] as const).map((s) => ({ value: s, label: t(`groups.status.${s}`) }))} />
            <FilterSubmit label={t("groups.filters.apply")} />
          </FilterBar>
        </div>
        <p className="mt-3 flex gap-3 text-sm">
          <a className="text-emerald-700 underline" href={`${base}/export?format=csv`}>
            {t("members.exportCsv")}
          </a>
          <a className="text-emerald-700 underline" href={`${base}/export?format=xlsx`}>
            {t("members.exportXlsx")}
          </a>
        </p>
        <div className="mt-4">
          {roster.rows.length === 0 ? (
            <p className="text-sm text-stone-600">{t("groups.rosterEmpty")}</p>
          ) : (
            <RosterTable
              workspaceId={ctx.workspace.id}
              groupId={g.id}
              canEdit={canEdit}
              rows={roster.rows.map((r) => ({
                ...r,
                joinedAt: format.dateTime(r.joinedAt, { dateStyle: "medium", timeZone: ctx.workspace.timeZone }),
                leftAt: r.leftAt ? format.dateTime(r.leftAt, { dateStyle: "medium", timeZone: ctx.workspace.timeZone }) : null,
                lastActiveAt: undefined,
              }))}
            />
          )}
        </div>
        <nav className="mt-3 flex gap-4 text-sm">
          {filters.after ? (
            <Link className="text-emerald-700 underline" href={query({})}>
              {t("groups.firstPage")}
            </Link>
          ) : null}
          {roster.next ? (
            <Link className="text-emerald-700 underline" href={query({ after: roster.next })}>
              {t("groups.loadMore")}
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
