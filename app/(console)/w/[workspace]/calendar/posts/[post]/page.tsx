import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { STATUS_MARKS } from "@/components/calendar/category-colors";
import { ActionButton } from "@/components/ui/action-button";
import { PostLinkCard } from "@/components/links/post-link-card";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getPostDetail } from "@/lib/calendar/post-queries";
import { listCalendarGroups, listWorkspaceMembers } from "@/lib/calendar/queries";
import { instantDay, instantTime } from "@/lib/calendar/time";
import { listContentOptions } from "@/lib/content/options";
import { isUuid } from "@/lib/ids";
import { linksForPages, postClickCounts } from "@/lib/links/links";
import { publicBaseUrl, trackedUrl } from "@/lib/links/public-url";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { cancelPostAction, retryPostAction } from "../../actions";
import { PostForm } from "../../_components/post-form";

export const metadata: Metadata = { title: "帖子 Post" };
export const dynamic = "force-dynamic";

export default async function PostPage({ params }: { params: Promise<{ workspace: string; post: string }> }) {
  const { workspace, post: postId } = await params;
  const ctx = await getWorkspaceContext(workspace);
  if (!isUuid(postId)) notFound();
  const db = getDb();
  const tz = ctx.workspace.timeZone;
  const detail = await getPostDetail(db, { workspaceId: ctx.workspace.id, postId });
  if (!detail) notFound();
  const tcat = await getTranslations("contentCategories");
  const [t, tc, format, content, members, groups] = await Promise.all([
    getTranslations("calendarPost"),
    getTranslations("calendar"),
    getFormatter(),
    listContentOptions(db, ctx.workspace.id),
    listWorkspaceMembers(db, ctx.workspace.id),
    listCalendarGroups(db, { workspaceId: ctx.workspace.id, scope: { kind: "all" } }),
  ]);
  const p = detail.post;
  const day = instantDay(p.scheduledAt, tz);
  const time = instantTime(p.scheduledAt, tz);
  const locked = p.status === "sent" || p.status === "cancelled";
  const canEdit = hasRole(ctx.role, "operator") && !locked;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tz });
  const base = `/w/${ctx.workspace.id}/calendar`;
  const title = p.title || detail.itemTitle || tc("untitled");
  const canLink = hasRole(ctx.role, "operator") && p.status !== "cancelled";
  const link = (await db.transaction((tx) => linksForPages(tx, { workspaceId: ctx.workspace.id, postIds: [p.id], create: canLink, actorUserId: ctx.session.user.id }))).get(p.id);
  const clicks = link ? await postClickCounts(db, ctx.workspace.id, p.id) : { clicks: 0, unique: 0 };
  const publicBase = publicBaseUrl(await headers());

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={title} lead={`${detail.groupName} · ${day} ${time} · ${tcat(`${p.category}`)} · ${tc(`channels.${p.channel}`)}`}>
        <Link href={`${base}?view=week&date=${day}`} className="text-sm text-emerald-800 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-stone-600">{t("status")}</span>
        <span className={`rounded px-2 py-0.5 text-xs ${STATUS_MARKS[p.status]}`}>{tc(`statuses.${p.status}`)}</span>
        {p.late ? <span className={`rounded px-2 py-0.5 text-xs ${STATUS_MARKS.late}`}>{t("late")}</span> : null}
        {p.failedReason ? <span className="text-red-700">{t("failedReason", { reason: p.failedReason })}</span> : null}
      </p>
      <Card>
        {canEdit ? (
          <PostForm
            workspaceId={ctx.workspace.id}
            timeZone={tz}
            content={content}
            members={members}
            groupNames={Object.fromEntries(groups.all.map((g) => [g.id, g.name]))}
            values={{
              postId: p.id,
              version: p.version,
              day,
              time,
              contentItemId: p.contentItemId ?? "",
              variantId: p.variantId ?? "",
              title: p.title,
              body: p.body,
              category: p.category,
              channel: p.channel,
              ownerUserId: p.ownerUserId ?? "",
              notes: p.notes,
            }}
          />
        ) : (
          <div className="space-y-2 text-sm text-stone-800">
            <p className="text-stone-600">{locked ? t("readOnly", { status: tc(`statuses.${p.status}`) }) : t("viewerReadOnly")}</p>
            {detail.itemTitle ? (
              <p>
                {t("item")}: {detail.itemTitle}
                {detail.variantLabel ? ` · ${detail.variantLabel}` : ""}
              </p>
            ) : null}
            {p.body ? <p className="whitespace-pre-wrap rounded bg-stone-50 p-3">{p.body}</p> : null}
            <p>
              {t("owner")}: {detail.ownerName ?? t("ownerNone")}
            </p>
            {p.notes ? (
              <p>
                {t("notes")}: {p.notes}
              </p>
            ) : null}
          </div>
        )}
        {canEdit ? (
          <div className="mt-6 border-t border-stone-200 pt-4">
            <div className="flex flex-wrap gap-3">
              {p.status === "failed" && p.channel !== "manual" ? (
                <ActionButton action={retryPostAction.bind(null, ctx.workspace.id)} fields={{ postId: p.id }} label={t("retry")} />
              ) : null}
              <ActionButton action={cancelPostAction.bind(null, ctx.workspace.id)} fields={{ postId: p.id }} label={t("cancel")} variant="danger" confirm={t("cancelConfirm")} />
            </div>
          </div>
        ) : null}
      </Card>
      <PostLinkCard url={link ? trackedUrl(publicBase, link.code) : null} destination={link?.destination ?? null} clicks={clicks.clicks} unique={clicks.unique} reach={p.reachCount ?? null} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("history")}>
          {detail.history.length === 0 ? (
            <p className="text-sm text-stone-600">{t("historyEmpty")}</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {detail.history.map((h) => (
                <li key={h.id}>
                  <span className="tabular-nums text-stone-500">{when(h.at)}</span>{" "}
                  {h.fromStatus ? t("historyRow", { from: tc(`statuses.${h.fromStatus}`), to: tc(`statuses.${h.toStatus}`) }) : t("created", { to: tc(`statuses.${h.toStatus}`) })}
                  <span className="text-stone-500"> · {h.actorName ?? t("worker")}</span>
                  {h.note ? <span className="text-stone-500"> · {h.note}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={t("delivery")}>
          {detail.deliveries.length === 0 ? (
            <p className="text-sm text-stone-600">{t("deliveryNone")}</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {detail.deliveries.map((d) => (
                <li key={d.channel}>
                  <p className="font-medium">
                    {tc(`channels.${d.channel}`)} · {t(`deliveryStatus.${d.status}`)} · {t("attempts", { count: d.attempts })}
                  </p>
                  {d.lastError ? <p className="text-red-700">{t("lastError", { error: d.lastError })}</p> : null}
                  {d.deliveredAt ? <p className="text-stone-600">{t("deliveredAt", { at: when(d.deliveredAt) })}</p> : null}
                  {d.status === "pending" || d.status === "sending" ? <p className="text-stone-600">{t("nextAttempt", { at: when(d.nextAttemptAt) })}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
