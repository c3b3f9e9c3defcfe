import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Sparkline } from "@/components/charts/sparkline";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getMemberContext } from "@/lib/members/context";
import { listTagLibrary } from "@/lib/members/queries";
import { MemberTags } from "./_components/member-tags";

type Props = { params: Promise<{ workspace: string; member: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace, member } = await params;
  const ctx = await getMemberContext(workspace, member);
  return { title: ctx.member.nickname || ctx.member.phone || "成员" };
}

export default async function MemberPage({ params }: Props) {
  const { workspace, member: memberId } = await params;
  const ctx = await getMemberContext(workspace, memberId);
  const [t, tg, format, library] = await Promise.all([getTranslations("members"), getTranslations("groups"), getFormatter(), listTagLibrary(getDb(), ctx.workspace.id)]);
  const m = ctx.member;
  const canEdit = hasRole(ctx.role, "operator") && !m.mergedIntoId;
  const base = `/w/${ctx.workspace.id}/members`;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: ctx.workspace.timeZone });
  const groupName = new Map(library.groups.map((g) => [g.id, g.name]));
  const fact = (label: string, value: string | null | undefined) => (
    <div>
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="text-sm">{value || "—"}</dd>
    </div>
  );

  return (
    <div className="max-w-5xl space-y-6">
      <Link href={base} className="text-sm text-emerald-700 underline">
        ← {t("title")}
      </Link>
      <PageHeader title={m.nickname || m.phone || m.externalId || "—"} lead={m.remark || undefined} />
      {m.mergedIntoId ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("mergedInto")}{" "}
          <Link className="underline" href={`${base}/${m.mergedIntoId}`}>
            {t("openKept")}
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("profile")}>
          <dl className="space-y-3">
            {fact(t("phone"), m.phone)}
            {fact(t("externalId"), m.externalId)}
            {fact(t("source"), m.source)}
            {fact(t("score"), String(Math.round(m.activityScore)))}
            {fact(t("lastActive"), m.lastActiveAt ? date(m.lastActiveAt) : t("never"))}
          </dl>
        </Card>
        <Card title={t("scoreTrend")}>
          {ctx.history.length > 1 ? (
            <Sparkline label={t("scoreTrend")} data={ctx.history.map((h) => ({ day: h.day, value: h.score }))} />
          ) : (
            <p className="text-sm text-stone-500">{t("noScoreHistory")}</p>
          )}
        </Card>
        <Card title={t("tags")}>
          <MemberTags
            workspaceId={ctx.workspace.id}
            memberId={m.id}
            canEdit={canEdit}
            tags={ctx.tags.map((x) => ({ id: x.id, label: x.groupName ? `${x.groupName}:${x.name}` : x.name }))}
            options={library.tags.map((x) => ({ value: x.id, label: x.tagGroupId ? `${groupName.get(x.tagGroupId)}:${x.name}` : x.name }))}
          />
        </Card>
      </div>
      <Card title={t("groups")}>
        {ctx.stays.length === 0 ? (
          <p className="text-sm text-stone-500">{t("noGroups")}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {ctx.stays.map((s) => (
              <li key={s.membershipId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/w/${ctx.workspace.id}/groups/${s.groupId}`} className="text-emerald-800 hover:underline">
                  {s.groupName}
                </Link>
                <span className="flex items-center gap-2 text-stone-600">
                  <Badge>{tg(`roles.${s.role}`)}</Badge>
                  {t("joined", { date: date(s.joinedAt) })}
                  {s.leftAt ? <span className="text-amber-700">{t("left", { date: date(s.leftAt) })}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("timeline")}>
        {ctx.timeline.length === 0 ? (
          <p className="text-sm text-stone-500">{t("timelineEmpty")}</p>
        ) : (
          <ol className="space-y-2 border-l-2 border-emerald-200 pl-4 text-sm">
            {ctx.timeline.map((e, i) => (
              <li key={i}>
                <span className="text-stone-500">{date(e.at)}</span> · {e.kind === "join" ? t("timelineJoin", { group: e.groupName }) : t("timelineLeave", { group: e.groupName })}
                {e.detail ? <span className="text-stone-500"> · {e.detail}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      {canEdit ? (
        <Card title={t("merge")} lead={t("mergeLead")}>
          <Link href={`${base}/${m.id}/merge`} className="text-sm text-emerald-700 underline">
            {t("mergeSearch")}
          </Link>
        </Card>
      ) : null}
    </div>
  );
}
