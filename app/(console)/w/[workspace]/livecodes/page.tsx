import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listLiveCodes } from "@/lib/livecodes/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { TargetBadge } from "./_components/target-badge";

export const metadata: Metadata = { title: "活码 Live codes" };

export default async function LiveCodesPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const [t, format, codes] = await Promise.all([getTranslations("liveCodes"), getFormatter(), listLiveCodes(getDb(), { workspaceId: ctx.workspace.id })]);
  const canEdit = hasRole(ctx.role, "operator");
  const base = `/w/${ctx.workspace.id}/livecodes`;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone });
  const attention = codes.filter((c) => c.exhausted || c.expiringSoon.length > 0);

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        {canEdit ? (
          <LinkButton href={`${base}/new`}>
            {t("newCode")}
          </LinkButton>
        ) : null}
      </PageHeader>
      {codes.length > 0 ? (
        <Card title={t("attention")} id="attention">
          {attention.length === 0 ? (
            <p className="text-sm text-emerald-800">{t("attentionNone")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {attention.map((c) => (
                <li key={c.id}>
                  <Link href={`${base}/${c.id}`} className="font-medium text-emerald-800 underline">
                    {c.name}
                  </Link>{" "}
                  {c.exhausted ? <span className="text-amber-900">{t("exhaustedAlert")}</span> : null}
                  {c.expiringSoon.map((x) => (
                    <span key={x.id} className="block text-amber-900">
                      {t("expiringAlert", { group: x.groupName, time: x.qrExpiresAt ? when(x.qrExpiresAt) : "" })}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      <Card>
        {codes.length === 0 ? (
          <p className="text-sm text-stone-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-2 pr-4 font-medium">{t("columns.name")}</th>
                  <th className="py-2 pr-4 font-medium">{t("columns.channel")}</th>
                  <th className="py-2 pr-4 font-medium">{t("columns.targets")}</th>
                  <th className="py-2 pr-4 font-medium">{t("columns.scans")}</th>
                  <th className="py-2 pr-4 font-medium">{t("columns.link")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {codes.map((c) => (
                  <tr key={c.id} className="align-top">
                    <td className="py-2 pr-4">
                      <Link href={`${base}/${c.id}`} className="font-medium text-emerald-800 underline">
                        {c.name}
                      </Link>
                      {c.exhausted ? (
                        <span className="ml-2">
                          <Badge tone="amber">{t("exhaustedBadge")}</Badge>
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4">{c.channel || "—"}</td>
                    <td className="py-2 pr-4">
                      <ul className="space-y-1">
                        {c.targets.map((x) => (
                          <li key={x.id} className="flex flex-wrap items-center gap-2">
                            <span>{x.groupName}</span>
                            <span className="text-xs text-stone-500">{t("detail.fill", { fill: x.fill, capacity: x.capacity })}</span>
                            <TargetBadge target={x} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-4 tabular-nums">{c.scanCount}</td>
                    <td className="py-2 pr-4 font-mono text-xs">/j/{c.slug}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
