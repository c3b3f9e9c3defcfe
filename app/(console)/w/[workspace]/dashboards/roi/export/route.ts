import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { percentCell, ratioCell, yuanCell } from "@/lib/roi/csv";
import { listCosts, pilotComparison, roiByTarget, workspaceFunnel, totalCostCents } from "@/lib/roi/queries";
import { pilotFrom, rangeFrom } from "@/lib/roi/range";
import { funnelRates, roiOf } from "@/lib/roi/math";
import { workspaceRoute } from "@/lib/route";
import { exportResponse } from "@/lib/members/export-response";

/** The ROI page's tables as CSV: `table=costs|roi|pilot`, same range (and pilot set) as the page. Viewers may export. */
export const GET = workspaceRoute("viewer", async (request, ctx) => {
  const url = new URL(request.url);
  const range = rangeFrom({ from: url.searchParams.get("from"), to: url.searchParams.get("to") }, new Date(), ctx.timeZone);
  const q = { workspaceId: ctx.workspaceId, ...range };
  const t = await getTranslations("roi");
  const db = getDb();
  const table = url.searchParams.get("table");
  if (table === "costs") {
    const rows = await listCosts(db, q);
    return exportResponse("csv", 
      `${t("csv.costsFile")} ${range.from}~${range.to}`,
      [t("cost.incurredOn"), t("cost.scope"), t("cost.target"), t("cost.kind"), t("cost.amountYuan"), t("cost.staffHours"), t("cost.hourlyRate"), t("cost.note")],
      rows.map((c) => [c.incurredOn, t(`scopes.${c.scope}`), c.targetName ?? "", t(`kinds.${c.kind}`), yuanCell(c.amountCents), c.staffHours ?? "", c.hourlyRateCents === null ? "" : yuanCell(c.hourlyRateCents), c.note]),
      ctx.timeZone,
    );
  }
  if (table === "roi") {
    const [rows, funnel, cost] = await Promise.all([roiByTarget(db, q), workspaceFunnel(db, q), totalCostCents(db, q)]);
    const total = funnelRates(funnel);
    return exportResponse("csv", 
      `${t("csv.roiFile")} ${range.from}~${range.to}`,
      [t("cost.scope"), t("cost.target"), t("metrics.reach"), t("metrics.uniqueClicks"), t("metrics.orders"), t("metrics.revenue"), t("metrics.cost"), t("metrics.roi")],
      [
        ...rows.map((r) => [t(`scopes.${r.scope}`), r.name ?? "", r.hasRevenue ? r.reach : "", r.hasRevenue ? r.uniqueClicks : "", r.hasRevenue ? r.orders : "", r.hasRevenue ? yuanCell(r.netRevenueCents) : "", yuanCell(r.costCents), ratioCell(r.roi)]),
        [t("total"), "", funnel.reach, funnel.uniqueClicks, funnel.orders, yuanCell(total.netRevenueCents), yuanCell(cost), ratioCell(roiOf(total.netRevenueCents, cost))],
      ],
      ctx.timeZone,
    );
  }
  if (table === "pilot") {
    const r = await pilotComparison(db, { ...q, pilotGroupIds: pilotFrom(url.searchParams.getAll("pilot")) });
    const line = (label: string, s: typeof r.pilot) => [label, s.reach, s.uniqueClicks, percentCell(s.clickRate), s.orders, yuanCell(s.netRevenueCents), yuanCell(s.revenuePerReachCents), yuanCell(s.costCents), ratioCell(s.roi)];
    return exportResponse("csv", 
      `${t("csv.pilotFile")} ${range.from}~${range.to}`,
      [t("pilot.side"), t("metrics.reach"), t("metrics.uniqueClicks"), t("metrics.clickRate"), t("metrics.orders"), t("metrics.revenue"), t("metrics.revenuePerReach"), t("metrics.cost"), t("metrics.roi")],
      [line(t("pilot.pilot"), r.pilot), line(t("pilot.rest"), r.rest)],
      ctx.timeZone,
    );
  }
  return new Response("Unknown table", { status: 400 });
});
