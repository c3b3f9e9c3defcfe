import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScansChart } from "@/components/charts/scans-chart";
import { Card } from "@/components/ui/card";
import type { TargetView } from "@/lib/livecodes/queries";

type Props = {
  base: string;
  days: number;
  scanCount: number;
  chart: { day: string; scans: number; routed: number }[];
  targets: Pick<TargetView, "id" | "groupId" | "groupName">[];
  perTarget: { groupId: string | null; scans: number; returning: number }[];
};

/** Scans per day (chart) and per target group (table), over a chosen period. */
export async function StatsCard({ base, days, scanCount, chart, targets, perTarget }: Props) {
  const t = await getTranslations("liveCodes");
  const notRouted = perTarget.find((p) => p.groupId === null);
  return (
    <Card title={t("detail.stats")} lead={t("detail.statsLead")}>
      <nav className="mb-3 flex gap-3 text-sm" aria-label={t("detail.range")}>
        {[7, 30, 90].map((d) => (
          <Link key={d} href={`${base}?days=${d}`} aria-current={d === days ? "page" : undefined} className={d === days ? "font-medium text-stone-900" : "text-emerald-700 underline"}>
            {t("detail.days", { days: d })}
          </Link>
        ))}
      </nav>
      <p className="mb-2 text-sm">
        {t("detail.scansTotal")}: <span className="font-medium tabular-nums">{scanCount}</span>
      </p>
      <ScansChart data={chart} label={t("detail.chartLabel")} scansLabel={t("detail.chartScans")} routedLabel={t("detail.chartRouted")} />
      <h3 className="mt-4 text-sm font-medium">{t("detail.perTarget")}</h3>
      <table className="mt-2 text-sm">
        <tbody>
          {targets.map((x) => {
            const s = perTarget.find((p) => p.groupId === x.groupId);
            return (
              <tr key={x.id}>
                <th className="py-1 pr-4 text-left font-normal">{x.groupName}</th>
                <td className="py-1 pr-4 tabular-nums">{t("scans", { count: s?.scans ?? 0 })}</td>
                <td className="py-1 text-xs text-stone-500">{t("detail.returning", { count: s?.returning ?? 0 })}</td>
              </tr>
            );
          })}
          <tr>
            <th className="py-1 pr-4 text-left font-normal">{t("detail.notRouted")}</th>
            <td className="py-1 pr-4 tabular-nums">{t("scans", { count: notRouted?.scans ?? 0 })}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </Card>
  );
}
