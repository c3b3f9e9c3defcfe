import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Translate } from "@/lib/dashboards/tables";
import { EXPORTS, exportTable, type ExportName } from "@/lib/dashboards/views";
import { exportResponse } from "@/lib/members/export-response";
import { workspaceRoute } from "@/lib/route";

/** Any dashboard table as CSV, with the page's query string (from, to, by, bucket); formula-safe cells. */
export const GET = workspaceRoute<{ workspace: string; table: string }>("viewer", async (request, ctx, params) => {
  if (!(EXPORTS as readonly string[]).includes(params.table)) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const t = (await getTranslations("dashboards")) as unknown as Translate;
  const { title, table } = await exportTable(getDb(), { workspaceId: ctx.workspaceId, timeZone: ctx.timeZone }, params.table as ExportName, Object.fromEntries(url.searchParams), t);
  return exportResponse("csv", title, table.headers, table.rows.map((row) => row.map((c) => c.raw)), ctx.timeZone);
});
