import "server-only";
import type { DbOrTx } from "@/db/client";
import { RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { OutboundRefusedError, postOutbound, type OutboundOptions } from "@/lib/net/outbound";
import { getWebhookTarget } from "./settings";
import { signedHeaders } from "./signature";

export type PingResult = { delivered: boolean; status: number | null; error: string | null };

/** The settings page's "发送测试": one signed `ping` to the saved URL, not retried. */
export async function sendTestPing(db: DbOrTx, workspaceId: string, opts: OutboundOptions & { timeoutMs?: number } = {}): Promise<PingResult> {
  const target = await getWebhookTarget(db, workspaceId);
  if (!target) throw new RuleError("errors.webhookNotSetUp");
  const body = JSON.stringify({ type: "ping", version: 1, workspaceId, sentAt: new Date().toISOString() });
  const headers = signedHeaders({ secret: target.secret, body, idempotencyKey: `qy-ping-${newId()}`, attempt: 1, event: "ping" });
  try {
    const res = await postOutbound(target.url, { body, headers, timeoutMs: opts.timeoutMs ?? 10_000 }, opts);
    return { delivered: res.status >= 200 && res.status < 300, status: res.status, error: null };
  } catch (error) {
    if (error instanceof OutboundRefusedError) return { delivered: false, status: null, error: "refused" };
    const e = error as NodeJS.ErrnoException;
    return { delivered: false, status: null, error: e.code === "ETIMEDOUT" ? "timeout" : (e.code ?? "network") };
  }
}
