import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CategoryBadge, CategoryLegend } from "@/components/content/category";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch, FilterSelect, FilterSubmit } from "@/components/ui/filters";
import { hasRole } from "@/lib/auth/roles";
import { listContentItems, listContentTags, PAGE_SIZE } from "@/lib/content/queries";
import { CATEGORIES, contentFiltersSchema, FORMATS } from "@/lib/content/schema";
import { getWorkspaceContext } from "@/lib/workspaces/context";

export const metadata: Metadata = { title: "内容库 Content library" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function ContentLibraryPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Search> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const raw = await searchParams;
  const filters = contentFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const workspaceId = ctx.workspace.id;
  const [t, format, { items, total }, tags] = await Promise.all([
    getTranslations("content"),
    getFormatter(),
    listContentItems(getDb(), { workspaceId, filters }),
    listContentTags(getDb(), workspaceId),
  ]);
  const base = `/w/${workspaceId}/calendar/content`;
  const filtered = !!(filters.q || filters.category || filters.format || filters.tag);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (page: number) => {
    const q = new URLSearchParams(Object.entries({ q: filters.q, category: filters.category, format: filters.format, tag: filters.tag, archived: filters.archived ? "1" : "" }).filter(([, v]) => v) as [string, string][]);
    q.set("page", String(page));
    return `${base}?${q}`;
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        {hasRole(ctx.role, "operator") ? <LinkButton href={`${base}/new`}>{t("newItem")}</LinkButton> : null}
      </PageHeader>
      <CategoryLegend />
      <Card>
        <FilterBar action={base}>
          <FilterSearch label={t("filters.q")} value={filters.q} />
          <FilterSelect label={t("filters.category")} name="category" value={filters.category} anyLabel={t("filters.any")} options={CATEGORIES.map((c) => ({ value: c, label: t(`categoryOptions.${c}`) }))} />
          <FilterSelect label={t("filters.format")} name="format" value={filters.format} anyLabel={t("filters.any")} options={FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))} />
          <FilterSelect label={t("filters.tag")} name="tag" value={filters.tag} anyLabel={t("filters.any")} options={tags.map((x) => ({ value: x, label: x }))} />
          <FilterSelect label={t("filters.status")} name="archived" value={filters.archived ? "1" : ""} options={[{ value: "", label: t("filters.live") }, { value: "1", label: t("filters.archived") }]} />
          <FilterSubmit label={t("filters.apply")} />
        </FilterBar>
        <p className="mt-4 text-xs text-stone-500" aria-live="polite">
          {t("count", { n: total })}
        </p>
        {items.length === 0 ? (
          <p className="mt-4 text-sm text-stone-600">{filtered || filters.archived ? t("noMatch") : t("empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100" aria-label={t("listLabel")}>
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 space-y-1">
                  <Link href={`${base}/${item.id}`} className="font-medium text-emerald-800 underline">
                    {item.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                    <CategoryBadge category={item.category} />
                    <Badge>{t(`formats.${item.format}`)}</Badge>
                    <span>{t("variantsShort", { labels: item.variantLabels.join(" / ") })}</span>
                    {item.archivedAt ? <Badge tone="amber">{t("archivedBadge")}</Badge> : null}
                    {item.tags.map((tag) => (
                      <Link key={tag} href={`${base}?tag=${encodeURIComponent(tag)}`} className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">
                        #{tag}
                      </Link>
                    ))}
                  </div>
                </div>
                <span className="text-xs text-stone-500">{t("updated", { time: format.dateTime(item.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone }) })}</span>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav aria-label={t("pagination")} className="mt-4 flex items-center gap-3 text-sm">
            {filters.page > 1 ? <Link href={pageHref(filters.page - 1)} className="text-emerald-800 underline">{t("prev")}</Link> : null}
            <span className="text-stone-500">{t("pageOf", { page: filters.page, pages })}</span>
            {filters.page < pages ? <Link href={pageHref(filters.page + 1)} className="text-emerald-800 underline">{t("next")}</Link> : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
