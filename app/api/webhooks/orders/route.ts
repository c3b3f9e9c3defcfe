import { handleOrderWebhook, MAX_BODY_BYTES } from "@/lib/orders/webhook";

export const dynamic = "force-dynamic";

/** Signed order and refund events from a store (no session; see README "Orders webhook"). */
export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: "too_large", message: `at most ${MAX_BODY_BYTES} bytes` }, { status: 413 });
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return Response.json({ error: "too_large", message: `at most ${MAX_BODY_BYTES} bytes` }, { status: 413 });
  const answer = await handleOrderWebhook(raw, (name) => request.headers.get(name));
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
