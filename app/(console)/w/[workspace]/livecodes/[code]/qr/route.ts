import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { liveCodeUrl, originFrom } from "@/lib/livecodes/public-url";
import { qrPng, qrSvg } from "@/lib/livecodes/qr";
import { getLiveCode } from "@/lib/livecodes/queries";
import { workspaceRoute } from "@/lib/route";

/** The live code's own QR (?format=png|svg) as a download, for posters. */
export const GET = workspaceRoute<{ workspace: string; code: string }>("viewer", async (request, ctx, params) => {
  if (!isUuid(params.code)) return new Response("Not found", { status: 404 });
  const code = await getLiveCode(getDb(), { workspaceId: ctx.workspaceId, liveCodeId: params.code });
  if (!code) return new Response("Not found", { status: 404 });
  const url = liveCodeUrl(originFrom(request.headers), code.slug);
  const svg = new URL(request.url).searchParams.get("format") === "svg";
  const filename = `livecode-${code.slug}.${svg ? "svg" : "png"}`;
  const headers = { "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (svg) return new Response(await qrSvg(url), { headers: { ...headers, "Content-Type": "image/svg+xml" } });
  return new Response(new Uint8Array(await qrPng(url)), { headers: { ...headers, "Content-Type": "image/png" } });
});
