import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getImport } from "@/lib/members/importer/queries";
import { workspaceRoute } from "@/lib/route";

/** Progress of a check or import, polled by the import page. */
export const GET = workspaceRoute<{ workspace: string; import: string }>("viewer", async (_request, ctx, params) => {
  if (!isUuid(params.import)) return new Response("Not found", { status: 404 });
  const job = await getImport(getDb(), { workspaceId: ctx.workspaceId, importId: params.import });
  if (!job) return new Response("Not found", { status: 404 });
  const { status, totalRows, processedRows, importedRows, skippedRows, createdMembers, error } = job;
  return Response.json({ status, totalRows, processedRows, importedRows, skippedRows, createdMembers, error }, { headers: { "Cache-Control": "no-store" } });
});
