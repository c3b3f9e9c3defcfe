import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { postDeliveries, type PostChannel } from "@/db/schema";
import { transitionPosts } from "@/lib/calendar/status";
import { ensurePostLinks, type PostLink } from "@/lib/links/links";
import { publicBaseUrl, trackedUrl } from "@/lib/links/public-url";
import { notifyAboutPosts } from "./notify";
import { buildPostPayload, idempotencyKeyFor, type PostPayloadRow } from "./payload";

export const WECOM_NOT_CONNECTED = "企业微信尚未连接 / WeCom is not connected";

export type DuePost = { id: string; channel: PostChannel };

/**
 * Hands posts that just fell due to their channel, inside the transaction that made them due:
 * manual → a notification; webhook → a pending delivery with the payload snapshot; wecom → failed
 * until the connector exists. Returns how many webhook deliveries were queued.
 */
export async function handOff(db: DbOrTx, workspaceId: string, due: DuePost[]): Promise<number> {
  const by = (c: PostChannel) => due.filter((p) => p.channel === c).map((p) => p.id);
  // Every post that carries a link gets its tracked link when it falls due, whatever its channel.
  const links = await ensurePostLinks(db, { workspaceId, postIds: due.map((p) => p.id) });
  await notifyAboutPosts(db, workspaceId, by("manual"), "post_due");
  const wecom = by("wecom");
  if (wecom.length) await failPosts(db, workspaceId, wecom, WECOM_NOT_CONNECTED);
  return queueWebhookDeliveries(db, workspaceId, by("webhook"), links);
}

/** due → failed with the reason, and a notification for whoever looks after the post. */
export async function failPosts(db: DbOrTx, workspaceId: string, postIds: string[], reason: string): Promise<string[]> {
  const moved = await transitionPosts(db, { workspaceId, postIds, to: "failed", actorUserId: null, note: reason, set: { failedReason: reason } });
  const ids = moved.map((m) => m.id);
  await notifyAboutPosts(db, workspaceId, ids, "post_failed", () => ({ reason }));
  return ids;
}

async function payloadRows(db: DbOrTx, workspaceId: string, postIds: string[]): Promise<PostPayloadRow[]> {
  // The variant is the post's own, else the item's first one; images keep their order.
  return db.execute<PostPayloadRow>(sql`
    select p.id, p.workspace_id, p.group_id, g.name as group_name, g.external_chat_id, p.scheduled_at, p.late,
           p.category, ci.format, p.title, p.body, ci.title as item_title, p.content_item_id,
           v.id as variant_id, v.label as variant_label, v.body as variant_body, v.link_url,
           v.mini_program_title, v.mini_program_path, w.time_zone,
           (select coalesce(json_agg(json_build_object('id', u.id, 'mimeType', u.mime_type, 'filename', u.filename) order by x.ord), '[]'::json)
              from unnest(v.image_upload_ids) with ordinality as x(upload_id, ord)
              join uploads u on u.workspace_id = p.workspace_id and u.id = x.upload_id) as images
    from posts p
    join groups g on g.workspace_id = p.workspace_id and g.id = p.group_id
    join workspaces w on w.id = p.workspace_id
    left join content_items ci on ci.workspace_id = p.workspace_id and ci.id = p.content_item_id
    left join lateral (
      select cv.* from content_variants cv
      where cv.workspace_id = p.workspace_id and cv.item_id = p.content_item_id
      order by (cv.id = p.variant_id) desc nulls last, cv.position, cv.label
      limit 1
    ) v on true
    where p.workspace_id = ${workspaceId} and p.id in ${postIds}`);
}

/**
 * One delivery per post (the primary key is workspace + post + channel). A post that falls due
 * again (pulled back and rescheduled, or retried) reuses its row and its idempotency key; a row
 * that is being sent right now or was delivered is never touched.
 */
export async function queueWebhookDeliveries(db: DbOrTx, workspaceId: string, postIds: string[], known?: Map<string, PostLink>): Promise<number> {
  if (!postIds.length) return 0;
  const rows = await payloadRows(db, workspaceId, postIds);
  const links = known ?? (await ensurePostLinks(db, { workspaceId, postIds }));
  const base = publicBaseUrl();
  const values = rows.map((row) => {
    const idempotencyKey = idempotencyKeyFor(row.id, "webhook");
    const link = links.get(row.id);
    const tracked = link ? { url: trackedUrl(base, link.code), code: link.code, destination: link.destination } : undefined;
    return { workspaceId, postId: row.id, channel: "webhook" as const, idempotencyKey, status: "pending" as const, attempts: 0, payload: buildPostPayload(row, idempotencyKey, tracked) };
  });
  if (!values.length) return 0;
  const written = await db
    .insert(postDeliveries)
    .values(values)
    .onConflictDoUpdate({
      target: [postDeliveries.workspaceId, postDeliveries.postId, postDeliveries.channel],
      set: {
        status: "pending",
        attempts: 0,
        nextAttemptAt: sql`now()`,
        claimedUntil: null,
        payload: sql`excluded.payload`,
        lastError: null,
        responseStatus: null,
        deliveredAt: null,
      },
      setWhere: sql`${postDeliveries.status} in ('pending', 'failed')`,
    })
    .returning({ postId: postDeliveries.postId });
  return written.length;
}
