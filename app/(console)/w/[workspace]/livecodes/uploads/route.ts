import { getDb } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { MAX_IMAGE_BYTES } from "@/lib/livecodes/image-type";
import { storeImage } from "@/lib/livecodes/uploads";
import { workspaceRoute } from "@/lib/route";

/**
 * PUT a group QR image as the raw request body (?filename=…). It is streamed to disk, refused
 * past 2 MB, and kept only if its first bytes say PNG, JPEG or WebP, whatever its name says.
 */
export const PUT = workspaceRoute("operator", async (request, ctx) => {
  const filename = (new URL(request.url).searchParams.get("filename") ?? "").slice(0, 200);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMAGE_BYTES) return Response.json({ error: "liveCodeErrors.imageTooLarge" }, { status: 413 });
  if (!request.body || declared === 0) return Response.json({ error: "liveCodeErrors.uploadEmpty" }, { status: 400 });
  const body = request.body;
  try {
    const stored = await getDb().transaction(async (tx) => {
      const result = await storeImage(tx, { workspaceId: ctx.workspaceId, userId: ctx.session.user.id, filename, body });
      await writeAudit(tx, ctx.workspaceId, ctx.session.user.id, {
        action: "upload.image",
        targetType: "upload",
        targetId: result.uploadId,
        data: { filename, size: result.sizeBytes, type: result.mimeType },
      });
      return result;
    });
    return Response.json({ id: stored.uploadId, url: `/w/${ctx.workspaceId}/livecodes/uploads/${stored.uploadId}` });
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.messageKey === "liveCodeErrors.imageTooLarge" ? 413 : 415;
      return Response.json({ error: error.messageKey }, { status });
    }
    console.error("[livecodes] image upload failed", error);
    return Response.json({ error: "errors.unexpected" }, { status: 500 });
  }
});
