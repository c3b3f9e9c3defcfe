import { getDb } from "@/db/client";
import { MAX_IMPORT_BYTES, previewImport } from "@/lib/sop/import";
import { workspaceRoute } from "@/lib/route";

/** Reads an uploaded template file and answers what would be imported; nothing is written here. */
export const POST = workspaceRoute<{ workspace: string }>("operator", async (request, ctx) => {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_IMPORT_BYTES) return Response.json({ template: null, problems: [{ message: "validation.fileTooLarge" }], warnings: [] }, { status: 413 });
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_IMPORT_BYTES) return Response.json({ template: null, problems: [{ message: "validation.fileTooLarge" }], warnings: [] }, { status: 413 });
  const filename = new URL(request.url).searchParams.get("filename") ?? "";
  return Response.json(await previewImport(getDb(), ctx.workspaceId, bytes, filename));
});
