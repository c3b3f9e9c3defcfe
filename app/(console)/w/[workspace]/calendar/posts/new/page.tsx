import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listCalendarGroups, listWorkspaceMembers } from "@/lib/calendar/queries";
import { addLocalDays, DAY_RE, instantDay, TIME_RE } from "@/lib/calendar/time";
import { listContentOptions } from "@/lib/content/options";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { PostForm } from "../../_components/post-form";

export const metadata: Metadata = { title: "新建帖子 New post" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | undefined>>;

export default async function NewPostPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Search }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  if (!hasRole(ctx.role, "operator")) notFound();
  const q = await searchParams;
  const db = getDb();
  const [t, content, members, groups] = await Promise.all([
    getTranslations("calendarPost"),
    listContentOptions(db, ctx.workspace.id),
    listWorkspaceMembers(db, ctx.workspace.id),
    listCalendarGroups(db, { workspaceId: ctx.workspace.id, scope: { kind: "all" } }),
  ]);
  const today = instantDay(new Date(), ctx.workspace.timeZone);
  const day = q.date && DAY_RE.test(q.date) && q.date >= today ? q.date : addLocalDays(today, 1);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newTitle")}>
        <Link href={`/w/${ctx.workspace.id}/calendar`} className="text-sm text-emerald-800 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <Card>
        <PostForm
          workspaceId={ctx.workspace.id}
          timeZone={ctx.workspace.timeZone}
          content={content}
          members={members}
          groups={groups.all}
          groupNames={Object.fromEntries(groups.all.map((g) => [g.id, g.name]))}
          values={{
            groupId: groups.all.some((g) => g.id === q.group) ? q.group : "",
            day,
            time: q.time && TIME_RE.test(q.time) ? q.time : "12:00",
            contentItemId: "",
            variantId: "",
            title: "",
            body: "",
            category: "values",
            channel: "manual",
            ownerUserId: ctx.session.user.id,
            notes: "",
          }}
        />
      </Card>
    </div>
  );
}
