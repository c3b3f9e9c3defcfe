import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CheckList } from "@/components/calendar/check-list";
import { trimWarnings } from "@/components/calendar/trim-warnings";
import { LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { MIX_RULES } from "@/lib/calendar/check-rules";
import { localClock } from "@/lib/calendar/local-clock";
import { listCalendarPlans, loadCalendarView } from "@/lib/calendar/queries";
import { getCheckSettings } from "@/lib/calendar/settings";
import { instantDay } from "@/lib/calendar/time";
import { parseCalendarView, viewQuery } from "@/lib/calendar/view-range";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { CalendarBoard } from "./_components/calendar-board";
import { CalendarLegend } from "./_components/calendar-legend";
import { CalendarToolbar } from "./_components/calendar-toolbar";
import { toBoardData } from "./_components/board-data";

export const metadata: Metadata = { title: "内容日历 Calendar" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CalendarPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Search }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const tz = ctx.workspace.timeZone;
  const view = parseCalendarView(await searchParams, tz);
  const db = getDb();
  const [t, tc, format, data, plans, settings] = await Promise.all([
    getTranslations("calendar"),
    getTranslations("calendarChecks"),
    getFormatter(),
    loadCalendarView(db, { workspaceId: ctx.workspace.id, timeZone: tz, view }),
    listCalendarPlans(db, ctx.workspace.id),
    getCheckSettings(db, ctx.workspace.id),
  ]);
  const base = `/w/${ctx.workspace.id}/calendar`;
  const canEdit = hasRole(ctx.role, "operator");
  const today = instantDay(new Date(), tz);
  const groupNames = Object.fromEntries(data.groups.map((g) => [g.id, g.name]));
  const board = toBoardData(data, localClock(tz));
  const dayHrefs = Object.fromEntries(view.days.map((d) => [d, base + viewQuery(view, { view: "day", date: d })]));
  const fmtDay = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { month: "long", day: "numeric", timeZone: "UTC" });
  const title =
    view.view === "month"
      ? format.dateTime(new Date(`${view.date.slice(0, 7)}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" })
      : view.view === "week"
        ? t("weekOf", { from: fmtDay(view.from), to: fmtDay(view.to) })
        : format.dateTime(new Date(`${view.date}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" });
  const newPostHref = `${base}/posts/new?date=${view.view === "day" ? view.date : view.date < today ? today : view.date}${view.scope.kind === "group" ? `&group=${view.scope.id}` : ""}`;

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={t("lead", { zone: tz })}>
        {canEdit && data.groups.length ? <LinkButton href={newPostHref}>{t("newPost")}</LinkButton> : null}
      </PageHeader>
      <CalendarToolbar base={base} view={view} today={today} title={title} groups={data.groups} plans={plans} />
      {canEdit ? <p className="text-xs text-stone-500">{t("dragHint")}</p> : <p className="text-xs text-stone-500">{t("viewerNote")}</p>}
      {board.count === 0 ? (
        <Card title={t("empty.title")}>
          {data.groups.length === 0 ? (
            <p className="text-sm text-stone-700">
              {t("empty.noGroups")}{" "}
              <Link className="text-emerald-800 underline" href={`/w/${ctx.workspace.id}/groups`}>
                {t("empty.groups")}
              </Link>
            </p>
          ) : (
            <>
              <p className="text-sm text-stone-700">{t("empty.lead")}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                <li>
                  <Link className="text-emerald-800 underline" href={`${base}/templates`}>
                    {t("empty.templates")}
                  </Link>
                </li>
                <li>
                  <Link className="text-emerald-800 underline" href={`${base}/columns`}>
                    {t("empty.columns")}
                  </Link>
                </li>
                <li>
                  <Link className="text-emerald-800 underline" href={`${base}/content`}>
                    {t("empty.content")}
                  </Link>
                </li>
              </ul>
            </>
          )}
        </Card>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-[1fr_18rem]">
        <CalendarBoard
          workspaceId={ctx.workspace.id}
          view={view.view}
          days={view.days}
          chips={board.chips}
          cells={board.cells}
          currentMonth={view.date.slice(0, 7)}
          today={today}
          groupNames={groupNames}
          canEdit={canEdit}
          dayIssues={board.dayIssues(data.checks)}
          flagged={board.flagged(data.checks)}
          dayHrefs={dayHrefs}
        />
        <div className="space-y-4">
          <section aria-labelledby="checks-title" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="checks-title" className="text-sm font-semibold text-stone-900">
              {t("checksTitle")}
            </h2>
            <p className="mt-1 text-xs text-stone-500">{t("checksLead")}</p>
            <div className="mt-3">
              {data.checks.length ? <CheckList {...trimWarnings(data.checks, 4)} groupNames={groupNames} perKind={4} /> : <p className="text-sm text-emerald-800">{t("checksNone")}</p>}
            </div>
            <details className="mt-3 text-xs text-stone-600">
              <summary className="cursor-pointer font-medium text-stone-800">{tc("rulesTitle")}</summary>
              <ul className="mt-2 list-disc space-y-1 pl-4">
                <li>{tc("rules.daily", { limit: settings.dailyLimit, hard: settings.hardDailyLimit })}</li>
                <li>{tc("rules.mix", { min: MIX_RULES.minPostsPerWeek, sellMin: MIX_RULES.sellingActivityMinPct, trafficMax: MIX_RULES.trafficActivityMaxPct, productMax: MIX_RULES.productMaxPct })}</li>
                <li>{tc("rules.quiet", { start: settings.quietStart, end: settings.quietEnd })}</li>
                <li>{tc("rules.quota")}</li>
              </ul>
            </details>
          </section>
          <CalendarLegend />
        </div>
      </div>
    </div>
  );
}
