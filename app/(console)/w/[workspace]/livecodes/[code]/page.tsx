import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { getLiveCodeContext } from "@/lib/livecodes/context";
import { statsWindow } from "@/lib/livecodes/dates";
import { liveCodeUrl, originFrom } from "@/lib/livecodes/public-url";
import { getScanStats } from "@/lib/livecodes/queries";
import { statsRangeSchema } from "@/lib/livecodes/schema";
import { DeleteLiveCodeButton } from "../_components/delete-button";
import { StatsCard } from "../_components/stats-card";
import { TargetBadge } from "../_components/target-badge";

type Props = { params: Promise<{ workspace: string; code: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace, code } = await params;
  return { title: (await getLiveCodeContext(workspace, code)).code.name };
}

export default async function LiveCodePage({ params, searchParams }: Props) {
  const { workspace, code: codeId } = await params;
  const ctx = await getLiveCodeContext(workspace, codeId);
  const { days } = statsRangeSchema.parse(await searchParams);
  const c = ctx.code;
  const tz = ctx.workspace.timeZone;
  const range = statsWindow(days, tz);
  const [t, format, stats, h] = await Promise.all([
    getTranslations("liveCodes"),
    getFormatter(),
    getScanStats(getDb(), { workspaceId: ctx.workspace.id, liveCodeId: c.id, since: range.since, timeZone: tz }),
    headers(),
  ]);
  const base = `/w/${ctx.workspace.id}/livecodes/${c.id}`;
  const url = liveCodeUrl(originFrom(h), c.slug);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tz });
  const byDay = new Map(stats.perDay.map((d) => [d.day, d]));
  const chart = range.days.map((day) => ({ day, scans: byDay.get(day)?.scans ?? 0, routed: byDay.get(day)?.routed ?? 0 }));

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/w/${ctx.workspace.id}/livecodes`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={c.name} lead={c.channel || undefined}>
        {hasRole(ctx.role, "operator") ? (
          <div className="flex flex-wrap gap-2">
            <LinkButton href={`${base}/edit`} variant="secondary">
              {t("edit")}
            </LinkButton>
            <DeleteLiveCodeButton workspaceId={ctx.workspace.id} liveCodeId={c.id} label={t("delete")} confirm={t("deleteConfirm")} />
          </div>
        ) : null}
      </PageHeader>
      {c.exhausted ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("exhaustedAlert")} {c.exhaustedAt ? t("exhaustedSince", { time: when(c.exhaustedAt) }) : null}
        </p>
      ) : null}
      <Card title={t("detail.publicUrl")} lead={t("detail.posterLead")}>
        <div className="flex flex-wrap items-center gap-3">
          <a href={url} target="_blank" rel="noreferrer" className="font-mono text-sm text-emerald-800 underline">
            {url}
          </a>
          <CopyButton text={url} />
          <a href={`${base}/qr?format=png`} download className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">
            {t("detail.downloadPng")}
          </a>
          <a href={`${base}/qr?format=svg`} download className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">
            {t("detail.downloadSvg")}
          </a>
        </div>
      </Card>
      <Card title={t("detail.targets")}>
        <ol className="divide-y divide-stone-100" aria-label={t("detail.targets")}>
          {c.targets.map((x) => (
            <li key={x.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span className="font-medium">{x.groupName}</span>
              <meter min={0} max={x.capacity} value={Math.min(x.fill, x.capacity)} className="w-32" aria-label={x.groupName} />
              <span className="tabular-nums">{t("detail.fill", { fill: x.fill, capacity: x.capacity })}</span>
              <TargetBadge target={x} />
              <span className="text-xs text-stone-500">{x.qrExpiresAt ? t("detail.expiresAt", { time: when(x.qrExpiresAt) }) : t("detail.noExpiry")}</span>
            </li>
          ))}
        </ol>
      </Card>
      <StatsCard base={base} days={days} scanCount={c.scanCount} chart={chart} targets={c.targets} perTarget={stats.perTarget} />
      <Card title={t("detail.settings")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs text-stone-500">{t("fields.capacity")}</dt>
            <dd>{c.capacity}</dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("detail.tags")}</dt>
            <dd>{c.tags.length ? c.tags.map((x) => x.name).join("、") : t("detail.none")}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-xs text-stone-500">{t("detail.welcome")}</dt>
            <dd className="whitespace-pre-wrap">{c.welcomeMessage || t("detail.none")}</dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}
