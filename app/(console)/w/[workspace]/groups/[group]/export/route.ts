import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getGroup } from "@/lib/groups/queries";
import { isUuid } from "@/lib/ids";
import { ROSTER_EXPORT_COLUMNS, rosterExportRows } from "@/lib/members/export-rows";
import { exportResponse } from "@/lib/members/export-response";
import { workspaceRoute } from "@/lib/route";

/** A group's roster as CSV or XLSX; ?all=1 includes the people who left. */
export const GET = workspaceRoute<{ workspace: string; group: string }>("viewer", async (request, ctx, params) => {
  if (!isUuid(params.group)) return new Response("Not found", { status: 404 });
  const db = getDb();
  const group = await getGroup(db, { workspaceId: ctx.workspaceId, groupId: params.group });
  if (!group) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const [t, tg] = await Promise.all([getTranslations("export"), getTranslations("groups.roles")]);
  const rows = rosterExportRows(db, { workspaceId: ctx.workspaceId, groupId: group.id, includeLeft: url.searchParams.get("all") === "1", roleLabel: (r) => tg(r) });
  return exportResponse(url.searchParams.get("format"), group.name, ROSTER_EXPORT_COLUMNS.map((c) => t(`col.${c}`)), rows, ctx.timeZone);
});
