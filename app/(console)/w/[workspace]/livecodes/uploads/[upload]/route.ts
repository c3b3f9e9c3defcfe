import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getUpload, imageResponse } from "@/lib/livecodes/uploads";
import { workspaceRoute } from "@/lib/route";

/** An uploaded image for members of its workspace; another workspace's image is not found. */
export const GET = workspaceRoute<{ workspace: string; upload: string }>("viewer", async (_request, ctx, params) => {
  if (!isUuid(params.upload)) return new Response("Not found", { status: 404 });
  const row = await getUpload(getDb(), { workspaceId: ctx.workspaceId, uploadId: params.upload });
  if (!row) return new Response("Not found", { status: 404 });
  return imageResponse(ctx.workspaceId, row, "private, max-age=3600");
});
