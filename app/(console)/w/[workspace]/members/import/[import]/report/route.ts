import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { previewUpload, getImport, listImportProblems } from "@/lib/members/importer/queries";
import { skippedRowsCsv } from "@/lib/members/import/report";
import type { RowProblem } from "@/lib/members/import/rows";
import { workspaceRoute } from "@/lib/route";

/** The skipped rows as CSV: row, column, problem, then the row's original cells. */
export const GET = workspaceRoute<{ workspace: string; import: string }>("viewer", async (_request, ctx, params) => {
  if (!isUuid(params.import)) return new Response("Not found", { status: 404 });
  const db = getDb();
  const job = await getImport(db, { workspaceId: ctx.workspaceId, importId: params.import });
  if (!job) return new Response("Not found", { status: 404 });
  const problems = await listImportProblems(db, { workspaceId: ctx.workspaceId, importId: job.id });
  const { headers } = await previewUpload({ workspaceId: ctx.workspaceId, importId: job.id, kind: job.kind, saved: null, rows: 0 });
  const body = skippedRowsCsv(
    problems.map((p) => ({ rowNumber: p.rowNumber, column: (p.column || null) as RowProblem["column"], problem: p.problem as RowProblem["problem"] })),
    new Map(problems.map((p) => [p.rowNumber, p.cells])),
    { originalHeaders: headers },
  );
  const name = encodeURIComponent(`${job.filename.replace(/\.[^.]+$/, "")}-skipped.csv`);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="skipped.csv"; filename*=UTF-8''${name}`, "Cache-Control": "no-store" },
  });
});
