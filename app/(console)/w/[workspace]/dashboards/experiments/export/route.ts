import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getExperiment, getExperimentResults, listExperiments } from "@/lib/experiments/queries";
import { isUuid } from "@/lib/ids";
import { percentCell, yuanCell } from "@/lib/roi/csv";
import { workspaceRoute } from "@/lib/route";
import { exportResponse } from "@/lib/members/export-response";

/**
 * The A/B test tables as CSV: `table=list` (every test), `table=results&experiment=…` (both
 * variants with the tests' figures), `table=daily&experiment=…` (per day and variant). Viewers may export.
 */
export const GET = workspaceRoute("viewer", async (request, ctx) => {
  const url = new URL(request.url);
  const t = await getTranslations("experiments");
  const db = getDb();
  const table = url.searchParams.get("table");
  if (table === "list") {
    const rows = await listExperiments(db, ctx.workspaceId);
    return exportResponse("csv", 
      t("csv.listFile"),
      [t("columns.name"), t("columns.item"), t("columns.mode"), t("columns.groups"), t("columns.status"), t("columns.startedAt"), t("columns.winner")],
      rows.map((r) => [r.name, r.itemTitle, t(`modes.${r.mode}`), r.groupCount, t(`statuses.${r.status}`), r.startedAt, r.winnerLabel ?? ""]),
      ctx.timeZone,
    );
  }
  const experimentId = url.searchParams.get("experiment") ?? "";
  if ((table !== "results" && table !== "daily") || !isUuid(experimentId)) return new Response("Unknown table", { status: 400 });
  const experiment = await getExperiment(db, { workspaceId: ctx.workspaceId, experimentId, timeZone: ctx.timeZone });
  if (!experiment) return new Response("Not found", { status: 404 });
  const r = await getExperimentResults(db, { workspaceId: ctx.workspaceId, experiment, timeZone: ctx.timeZone });
  const m = (k: string) => t(`metrics.${k}`);
  if (table === "daily") {
    return exportResponse("csv", 
      `${t("csv.dailyFile")} ${experiment.name}`,
      [m("day"), m("variant"), m("reach"), m("uniqueClicks"), m("orders")],
      [r.a, r.b].flatMap((s) => s.daily.map((d) => [d.day, s.label, d.reach, d.uniqueClicks, d.orders])),
      ctx.timeZone,
    );
  }
  const prob = r.probBBeatsA === null ? "" : percentCell(r.probBBeatsA);
  return exportResponse("csv", 
    `${t("csv.resultsFile")} ${experiment.name}`,
    [m("variant"), m("reach"), m("uniqueClicks"), m("clickRate"), m("orders"), m("payRate"), m("revenue"), t("verdict.probability", { a: r.a.label, b: r.b.label }), "z", "p"],
    [r.a, r.b].map((s, i) => [s.label, s.reach, s.uniqueClicks, percentCell(s.clickRate), s.orders, percentCell(s.payRate), yuanCell(s.netRevenueCents), i === 1 ? prob : "", i === 1 && r.zTest ? r.zTest.z.toFixed(3) : "", i === 1 && r.zTest ? r.zTest.pValue.toFixed(4) : ""]),
    ctx.timeZone,
  );
});
