import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import type { Translate } from "@/lib/dashboards/tables";
import { POSTS_PAGE_SIZE, postsView, viewQuery, type ViewParams } from "@/lib/dashboards/views";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { DataTable, ExportLink } from "../_components/data-table";
import { RangeForm } from "../_components/range-form";

export const metadata: Metadata = { title: "帖子排行 Posts" };

/** Sent posts ranked by net revenue per person reached, a page of 20 at a time. */
export default async function PostsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<ViewParams> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const workspaceId = ctx.workspace.id;
  const t = (await getTranslations("dashboards")) as unknown as Translate;
  const view = await postsView(getDb(), { workspaceId, timeZone: ctx.workspace.timeZone }, await searchParams, t);
  const base = `/w/${workspaceId}/dashboards`;
  const pages = Math.max(1, Math.ceil(view.total / POSTS_PAGE_SIZE));
  const pageLink = (page: number) => `${base}/posts?${viewQuery({ range: view.range, page })}`;
  return (
    <div>
      <PageHeader title={t("posts.title")} lead={t("posts.lead")} />
      <RangeForm action={`${base}/posts`} range={view.range} today={view.today} />
      <Card title={t("posts.tableTitle", { from: view.range.from, to: view.range.to })} id="posts">
        <DataTable table={view.table} caption={t("posts.title")} captionHidden empty={t("posts.empty")} />
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
          <nav aria-label={t("posts.paging")} className="flex items-center gap-3">
            {view.page > 1 ? (
              <Link href={pageLink(view.page - 1)} className="text-emerald-700 underline">
                {t("posts.previous")}
              </Link>
            ) : null}
            <span className="text-stone-600">{t("posts.pageOf", { page: view.page, pages, total: view.total })}</span>
            {view.page < pages ? (
              <Link href={pageLink(view.page + 1)} className="text-emerald-700 underline">
                {t("posts.next")}
              </Link>
            ) : null}
          </nav>
          <ExportLink href={`${base}/export/posts?${viewQuery({ range: view.range })}`} label={t("exportCsv")} />
        </div>
      </Card>
    </div>
  );
}
