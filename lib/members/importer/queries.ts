import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rosterImportProblems, rosterImports } from "@/db/schema";
import { suggestMapping, type Mapping } from "@/lib/members/import/fields";
import { readTable } from "@/lib/members/import/read";
import { releaseInput } from "@/lib/members/import/table";
import { openUpload } from "./store";

export async function getImport(db: DbOrTx, q: { workspaceId: string; importId: string }) {
  const [row] = await db
    .select()
    .from(rosterImports)
    .where(and(eq(rosterImports.workspaceId, q.workspaceId), eq(rosterImports.id, q.importId)))
    .limit(1);
  return row ?? null;
}

export async function listRecentImports(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: rosterImports.id, filename: rosterImports.filename, status: rosterImports.status, importedRows: rosterImports.importedRows, skippedRows: rosterImports.skippedRows, createdAt: rosterImports.createdAt })
    .from(rosterImports)
    .where(eq(rosterImports.workspaceId, workspaceId))
    .orderBy(desc(rosterImports.createdAt))
    .limit(10);
}

export async function listImportProblems(db: DbOrTx, q: { workspaceId: string; importId: string; limit?: number }) {
  const query = db
    .select({ rowNumber: rosterImportProblems.rowNumber, column: rosterImportProblems.column, problem: rosterImportProblems.problem, cells: rosterImportProblems.cells })
    .from(rosterImportProblems)
    .where(and(eq(rosterImportProblems.workspaceId, q.workspaceId), eq(rosterImportProblems.importId, q.importId)))
    .orderBy(asc(rosterImportProblems.rowNumber), asc(rosterImportProblems.column));
  return q.limit ? query.limit(q.limit) : query;
}

/** The header and the first rows of the stored file, read without reading the rest. */
export async function previewUpload(q: { workspaceId: string; importId: string; kind: string; saved: Mapping | null; rows?: number }) {
  const input = openUpload(q.workspaceId, q.importId);
  let headers: string[] = [];
  const rows: { rowNumber: number; cells: string[] }[] = [];
  try {
    for await (const row of readTable(q.kind as "csv" | "xlsx", input)) {
      if (headers.length === 0) headers = row.cells;
      else rows.push(row);
      if (rows.length >= (q.rows ?? 8)) break;
    }
  } finally {
    releaseInput(input);
  }
  const mapping = q.saved && q.saved.length === headers.length ? q.saved : suggestMapping(headers);
  return { headers, rows, mapping };
}
