import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CATEGORY_COLORS, STATUS_MARKS } from "@/components/calendar/category-colors";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { hasRole } from "@/lib/auth/roles";
import { listNotifications, listTodayPosts } from "@/lib/calendar/post-queries";
import { instantTime } from "@/lib/calendar/time";
import { linksForPages, trackedText } from "@/lib/links/links";
import { publicBaseUrl, trackedUrl } from "@/lib/links/public-url";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { markNotificationsReadAction, markPostSentAction } from "../actions";

export const metadata: Metadata = { title: "今日待办 Today" };
export const dynamic = "force-dynamic";

export default async function TodayPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const db = getDb();
  const tz = ctx.workspace.timeZone;
  const userId = ctx.session.user.id;
  const tcat = await getTranslations("contentCategories");
  const [t, tc, format, list, notes] = await Promise.all([
    getTranslations("calendarToday"),
    getTranslations("calendar"),
    getFormatter(),
    listTodayPosts(db, { workspaceId: ctx.workspace.id, userId, timeZone: tz }),
    listNotifications(db, { workspaceId: ctx.workspace.id, userId }),
  ]);
  const canSend = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}`;
  // Posts that carry a link are copied with their tracked link (made here for operators).
  const tl = await getTranslations("linkTracking");
  const links = await db.transaction((tx) => linksForPages(tx, { workspaceId: ctx.workspace.id, postIds: list.map((p) => p.id), create: canSend, actorUserId: userId }));
  const publicBase = publicBaseUrl(await headers());
  // Grouped by local time, so the list reads like the day's running order.
  const slots = new Map<string, typeof list>();
  for (const p of list) {
    const key = p.overdue ? t("overdue") : instantTime(p.scheduledAt, tz);
    slots.set(key, [...(slots.get(key) ?? []), p]);
  }
  const unread = notes.filter((n) => !n.readAt).length;
  const markRead = markNotificationsReadAction.bind(null, ctx.workspace.id);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <PageHeader title={t("title")} lead={t("lead")} />
        {list.length === 0 ? <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">{t("empty")}</p> : null}
        {[...slots.entries()].map(([slot, items]) => (
          <section key={slot} aria-labelledby={`slot-${slot}`} className="space-y-2">
            <h2 id={`slot-${slot}`} className="text-sm font-semibold tabular-nums text-stone-700">
              {slot}
            </h2>
            <ul className="space-y-2">
              {items.map((p) => {
                const link = links.get(p.id);
                const text = trackedText(p.text, link, publicBase);
                return (
                <li key={p.id} id={`post-${p.id}`} className={`scroll-mt-4 rounded-lg border border-l-4 border-stone-200 bg-white p-4 ${CATEGORY_COLORS[p.category].chip}`}>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium tabular-nums">{format.dateTime(p.scheduledAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: tz })}</span>
                    <span className="text-stone-700">{p.groupName}</span>
                    <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_MARKS[p.status]}`}>{tc(`statuses.${p.status}`)}</span>
                    <span className="text-xs text-stone-600">{tcat(`${p.category}`)} · {tc(`channels.${p.channel}`)}</span>
                    {p.ownerUserId ? <Badge tone="emerald">{t("mine")}</Badge> : <Badge tone="amber">{t("unassigned")}</Badge>}
                  </div>
                  <h3 className="mt-1 font-medium text-stone-900">{p.title || tc("untitled")}</h3>
                  {text ? <p className="mt-1 line-clamp-4 whitespace-pre-wrap text-sm text-stone-700">{text}</p> : <p className="mt-1 text-sm text-stone-500">{t("noText")}</p>}
                  {link ? (
                    <p className="mt-1 break-all text-xs text-stone-600">
                      {tl("trackedLabel")}: <span data-testid="tracked-url">{trackedUrl(publicBase, link.code)}</span>
                    </p>
                  ) : null}
                  {p.failedReason ? <p className="mt-1 text-sm text-red-700">{p.failedReason}</p> : null}
                  {p.notes ? <p className="mt-1 text-xs text-stone-600">{p.notes}</p> : null}
                  <div className="mt-3 flex flex-wrap items-center gap-2">
                    {text ? <CopyButton text={text} label={link ? tl("copyTextTracked") : t("copyText")} /> : null}
                    {p.images.map((img, i) => (
                      <a key={img.id} href={`${base}/livecodes/uploads/${img.id}`} download={img.filename} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-800 underline-offset-2 hover:underline">
                        {t("download", { n: i + 1 })}
                      </a>
                    ))}
                    {canSend ? <ActionButton action={markPostSentAction.bind(null, ctx.workspace.id)} fields={{ postId: p.id }} label={t("markSent")} variant="secondary" /> : null}
                    <Link href={`${base}/calendar/posts/${p.id}`} className="text-sm text-emerald-800 underline">
                      {t("openPost")}
                    </Link>
                  </div>
                </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <aside aria-labelledby="notifications-title">
        <Card title={t("notifications")} id="notifications">
          {unread ? (
            <div className="mb-3">
              <ActionButton action={markRead} fields={{ notificationId: "" }} label={t("markAllRead")} variant="secondary" />
            </div>
          ) : null}
          {notes.length === 0 ? (
            <p className="text-sm text-stone-600">{t("notificationsEmpty")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {notes.map((n) => {
                const kind = n.kind === "post_due" || n.kind === "post_failed" ? n.kind : "other";
                return (
                  <li key={n.id} className={`rounded-md p-2 ${n.readAt ? "text-stone-500" : "bg-amber-50 text-stone-900"}`}>
                    <p>
                      {n.postId ? (
                        <Link href={`${base}/calendar/posts/${n.postId}`} className="underline">
                          {t(`notificationKinds.${kind}`, { title: n.postTitle || tc("untitled"), group: n.groupName ?? "—", kind: n.kind })}
                        </Link>
                      ) : (
                        t(`notificationKinds.${kind}`, { title: n.postTitle || tc("untitled"), group: n.groupName ?? "—", kind: n.kind })
                      )}
                    </p>
                    <p className="text-xs">{format.dateTime(n.createdAt, { dateStyle: "short", timeStyle: "short", timeZone: tz })}</p>
                    {!n.readAt ? <ActionButton action={markRead} fields={{ notificationId: n.id }} label={t("markRead")} /> : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </aside>
    </div>
  );
}
