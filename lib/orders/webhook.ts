import "server-only";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { ingestOrder, ingestRefund } from "./commands";
import { orderInputFrom, refundInputFrom, webhookBodySchema } from "./schema";
import { getOrdersConfig } from "./settings";
import { checkSignature, checkTimestamp, ORDER_HEADERS } from "./signature";

export type WebhookAnswer = { status: number; body: Record<string, unknown> };
export const MAX_BODY_BYTES = 256 * 1024;

const MESSAGES = {
  missing_signature: "X-Qunyun-Workspace, X-Qunyun-Timestamp and X-Qunyun-Signature are required",
  timestamp_out_of_window: "X-Qunyun-Timestamp is more than 5 minutes away from the server's time: sign each request when it is sent",
  invalid_signature: "the signature does not match (HMAC-SHA256 of \"<timestamp>.<raw body>\" with the workspace's order secret)",
} as const;

/**
 * `POST /api/webhooks/orders`: the workspace named in X-Qunyun-Workspace, the request signed
 * with that workspace's order secret. An unknown workspace, one without a secret and a wrong
 * signature all answer the same 401, so the endpoint tells outsiders nothing.
 */
export async function handleOrderWebhook(rawBody: string, header: (name: string) => string | null, nowS = Math.floor(Date.now() / 1000)): Promise<WebhookAnswer> {
  const workspaceId = header(ORDER_HEADERS.workspace)?.trim() ?? "";
  const timestamp = header(ORDER_HEADERS.timestamp)?.trim() ?? null;
  const signature = header(ORDER_HEADERS.signature);
  const refuse = (error: keyof typeof MESSAGES): WebhookAnswer => ({ status: 401, body: { error, message: MESSAGES[error] } });
  if (!isUuid(workspaceId) || !signature) return refuse("missing_signature");
  const fresh = checkTimestamp(timestamp, nowS);
  if (!fresh.ok) return refuse(fresh.error);
  const db = getDb();
  const config = await getOrdersConfig(db, workspaceId);
  if (!config.secret) return refuse("invalid_signature");
  const signed = checkSignature(config.secret, timestamp!, signature, rawBody);
  if (!signed.ok) return refuse(signed.error);

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: { error: "invalid_json", message: "the body is not JSON" } };
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) {
    return { status: 400, body: { error: "invalid_body", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } };
  }
  const body = parsed.data;
  if (body.type === "order") {
    const outcome = await db.transaction((tx) => ingestOrder(tx, { workspaceId, order: orderInputFrom(body), source: "webhook", windowDays: config.windowDays }));
    if (outcome.status === "conflict") {
      return { status: 409, body: { error: "conflict", message: `order ${body.order_id} was already received with a different body`, order: outcome.order } };
    }
    return { status: outcome.status === "created" ? 201 : 200, body: { status: outcome.status, order: outcome.order } };
  }
  const outcome = await db.transaction((tx) => ingestRefund(tx, { workspaceId, refund: refundInputFrom(body) }));
  switch (outcome.status) {
    case "order_not_found":
      return { status: 404, body: { error: "order_not_found", message: `no order ${body.order_id} in this workspace` } };
    case "conflict":
      return { status: 409, body: { error: "conflict", message: `refund ${body.refund_id} was already received with a different body` } };
    case "exceeds_order":
      return { status: 422, body: { error: "refund_exceeds_order", message: "the refunds of this order would exceed its amount" } };
    default:
      return { status: outcome.status === "created" ? 201 : 200, body: { status: outcome.status, refund: outcome.refund, order: outcome.order } };
  }
}
