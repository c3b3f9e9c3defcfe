import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActivityRule } from "@/lib/groups/health-queries";
import { MEMBER_EXPORT_COLUMNS, memberExportRows } from "@/lib/members/export-rows";
import { exportResponse } from "@/lib/members/export-response";
import { memberFiltersSchema } from "@/lib/members/schema";
import { workspaceRoute } from "@/lib/route";

/** The filtered member list as CSV (UTF-8 with BOM, for Excel) or XLSX. Viewers may export. */
export const GET = workspaceRoute("viewer", async (request, ctx) => {
  const url = new URL(request.url);
  const filters = memberFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const db = getDb();
  const rule = filters.recall ? await getActivityRule(db, ctx.workspaceId) : null;
  const t = await getTranslations("export");
  const rows = memberExportRows(db, {
    workspaceId: ctx.workspaceId,
    filter: { q: filters.q, tag: filters.tag, group: filters.group, recall: rule ? { below: rule.recallBelow, silentDays: rule.silentDays } : null },
  });
  return exportResponse(url.searchParams.get("format"), t("membersFile"), MEMBER_EXPORT_COLUMNS.map((c) => t(`col.${c}`)), rows, ctx.timeZone);
});
