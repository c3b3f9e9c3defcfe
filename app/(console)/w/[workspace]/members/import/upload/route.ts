import { rm } from "node:fs/promises";
import { getDb } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { isUuid, newId } from "@/lib/ids";
import { detectFileKind } from "@/lib/members/import/read";
import { createImportRecord } from "@/lib/members/importer/commands";
import { saveUpload, uploadPath } from "@/lib/members/importer/store";
import { workspaceRoute } from "@/lib/route";

/**
 * PUT the roster file as the raw request body (?filename=…&groupId=…). It is streamed to disk,
 * never held in memory, and its type is judged by its bytes, not its name.
 */
export const PUT = workspaceRoute("operator", async (request, ctx) => {
  const url = new URL(request.url);
  const filename = (url.searchParams.get("filename") ?? "roster").slice(0, 200);
  const groupId = url.searchParams.get("groupId") || null;
  if (!request.body) return Response.json({ error: "validation.required" }, { status: 400 });
  if (groupId && !isUuid(groupId)) return Response.json({ error: "errors.notFound" }, { status: 404 });
  const importId = newId();
  const file = uploadPath(ctx.workspaceId, importId);
  try {
    const { size, head } = await saveUpload(request.body, file);
    const kind = detectFileKind(filename, head);
    if (!kind) {
      await rm(file, { force: true });
      return Response.json({ error: "validation.fileType" }, { status: 415 });
    }
    await getDb().transaction(async (tx) => {
      await createImportRecord(tx, { workspaceId: ctx.workspaceId, importId, filename, kind, sizeBytes: size, userId: ctx.session.user.id, groupId });
      await writeAudit(tx, ctx.workspaceId, ctx.session.user.id, { action: "import.upload", targetType: "roster_import", targetId: importId, data: { filename, size } });
    });
    return Response.json({ id: importId });
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof AppError) return Response.json({ error: error.messageKey }, { status: 413 });
    console.error("[import] upload failed", error);
    return Response.json({ error: "errors.unexpected" }, { status: 500 });
  }
});
