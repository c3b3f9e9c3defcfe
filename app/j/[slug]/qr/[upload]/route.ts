import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getPublicImage } from "@/lib/livecodes/queries";
import { SLUG_RE } from "@/lib/livecodes/schema";
import { imageResponse } from "@/lib/livecodes/uploads";

export const dynamic = "force-dynamic";

/**
 * A group QR shown on a live code's public page. Only images attached to that code's targets are
 * served here; every other upload needs a signed-in member of its workspace.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; upload: string }> }) {
  const { slug, upload } = await params;
  if (!SLUG_RE.test(slug) || !isUuid(upload)) return new Response("Not found", { status: 404 });
  const image = await getPublicImage(getDb(), { slug, uploadId: upload });
  if (!image) return new Response("Not found", { status: 404 });
  // Short: the operator replaces a group QR every week and a removed one should stop showing.
  return imageResponse(image.workspaceId, image, "public, max-age=300");
}
