import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { NIL_UUID } from "@/db/schema";
import { newId, isUuid } from "@/lib/ids";
import { destinationOf, newLinkCode, textWithTrackedUrl } from "./code";
import { trackedUrl } from "./public-url";

/** A post's content as it is sent: the post's own variant, else its item's first one. */
export type PostContent = {
  postId: string;
  groupId: string;
  status: string;
  variantId: string | null;
  linkUrl: string | null;
  text: string;
};

export type PostLink = { linkId: string; code: string; destination: string; variantId: string | null; memberId: string | null };

/**
 * The content of each post, resolved the way the dispatcher's payload and the to-do list resolve
 * it (lib/dispatch/handoff.ts, lib/calendar/post-queries.ts): inline text, or the chosen variant,
 * else the item's first variant by position then label.
 */
export async function postContents(db: DbOrTx, workspaceId: string, postIds: string[]): Promise<PostContent[]> {
  const ids = postIds.filter(isUuid);
  if (!ids.length) return [];
  return db.execute<PostContent>(sql`
    select p.id as "postId", p.group_id as "groupId", p.status::text as status, v.id as "variantId", v.link_url as "linkUrl",
           case when p.content_item_id is null then p.body else coalesce(nullif(p.body, ''), v.body, '') end as text
    from posts p
    left join lateral (
      select cv.id, cv.link_url, cv.body from content_variants cv
      where p.content_item_id is not null and cv.workspace_id = p.workspace_id and cv.item_id = p.content_item_id
      order by (cv.id = p.variant_id) desc nulls last, cv.position, cv.label
      limit 1
    ) v on true
    where p.workspace_id = ${workspaceId} and p.id in ${ids}`);
}

type Want = { postId: string; groupId: string; variantId: string | null; memberId: string | null; destination: string; updatable: boolean };

async function existingLinks(db: DbOrTx, workspaceId: string, wants: Want[]): Promise<Map<string, PostLink>> {
  const rows = await db.execute<PostLink & { postId: string; destination: string }>(sql`
    select l.id as "linkId", l.code, l.destination_url as destination, l.variant_id as "variantId", l.member_id as "memberId", l.post_id as "postId"
    from links l
    where l.workspace_id = ${workspaceId} and l.post_id in ${wants.map((w) => w.postId)}`);
  return new Map(rows.map((r) => [targetKey(r.postId, r.variantId, r.memberId), r]));
}

const targetKey = (postId: string, variantId: string | null, memberId: string | null) => `${postId}:${variantId ?? NIL_UUID}:${memberId ?? NIL_UUID}`;

/**
 * Creates, once, the tracked link of each want and registers its code in `public_codes` in the
 * same statement. Codes are random; a collision (with a link or a live code) is skipped by the
 * statement and retried with fresh codes. A post that is not sent yet follows its content: when
 * the operator changed the link in the meantime, the destination is updated.
 */
async function ensureLinks(db: DbOrTx, workspaceId: string, wants: Want[], actorUserId: string | null): Promise<Map<string, PostLink>> {
  if (!wants.length) return new Map();
  for (let round = 0; round < 5; round++) {
    const have = await existingLinks(db, workspaceId, wants);
    const missing = wants.filter((w) => !have.has(targetKey(w.postId, w.variantId, w.memberId)));
    const stale = wants.filter((w) => w.updatable && have.get(targetKey(w.postId, w.variantId, w.memberId)) && have.get(targetKey(w.postId, w.variantId, w.memberId))!.destination !== w.destination);
    for (const w of stale) {
      const link = have.get(targetKey(w.postId, w.variantId, w.memberId))!;
      await db.execute(sql`update links set destination_url = ${w.destination} where workspace_id = ${workspaceId} and id = ${link.linkId}`);
      link.destination = w.destination;
    }
    if (!missing.length) return have;
    const rows = sql.join(
      missing.map((w) => sql`(${newId()}::uuid, ${newLinkCode()}, ${w.postId}::uuid, ${w.groupId}::uuid, ${w.variantId}::uuid, ${w.memberId}::uuid, ${w.destination})`),
      sql`, `,
    );
    await db.execute(sql`
      with wanted (id, code, post_id, group_id, variant_id, member_id, destination_url) as (values ${rows}),
      created as (
        insert into links (workspace_id, id, code, post_id, group_id, variant_id, member_id, destination_url, created_by)
        select ${workspaceId}, w.id, w.code, w.post_id, w.group_id, w.variant_id, w.member_id, w.destination_url, ${actorUserId}::uuid
        from wanted w
        where not exists (select 1 from public_codes pc where pc.code = w.code)
        on conflict do nothing
        returning workspace_id, id, code
      )
      insert into public_codes (code, workspace_id, kind, target_id)
      select code, workspace_id, 'link', id from created`);
  }
  throw new Error("tracked links: could not find free codes");
}

/**
 * The tracked links of posts whose content carries a link (one per post × group × variant),
 * created idempotently. Posts without an http(s) link have none. Keyed by post id.
 */
export async function ensurePostLinks(
  db: DbOrTx,
  q: { workspaceId: string; postIds: string[]; actorUserId?: string | null },
): Promise<Map<string, PostLink>> {
  const contents = await postContents(db, q.workspaceId, q.postIds);
  // A post already sent went out as it was: it keeps the link it had, and never gets a new one.
  const wants: Want[] = contents.flatMap((c) => {
    const destination = destinationOf(c);
    return destination && c.status !== "cancelled" && c.status !== "sent"
      ? [{ postId: c.postId, groupId: c.groupId, variantId: c.variantId, memberId: null, destination, updatable: true }]
      : [];
  });
  const links = await ensureLinks(db, q.workspaceId, wants, q.actorUserId ?? null);
  const sent = contents.filter((c) => c.status === "sent").map((c) => c.postId);
  const byPost = await existingPostLinks(db, q.workspaceId, sent);
  for (const w of wants) {
    const link = links.get(targetKey(w.postId, w.variantId, null));
    if (link) byPost.set(w.postId, link);
  }
  return byPost;
}

/**
 * A link personalised for one member (for one-to-one sends where the member is known): clicks on
 * it carry the member id, and orders by that member can be attributed to the post through it.
 * Null when the post carries no link. The member must be this workspace's.
 */
export async function ensureMemberLink(
  db: DbOrTx,
  q: { workspaceId: string; postId: string; memberId: string; actorUserId?: string | null },
): Promise<PostLink | null> {
  if (!isUuid(q.memberId)) return null;
  const [member] = await db.execute<{ id: string }>(sql`select id from members where workspace_id = ${q.workspaceId} and id = ${q.memberId}`);
  if (!member) return null;
  const [content] = await postContents(db, q.workspaceId, [q.postId]);
  const destination = content ? destinationOf(content) : null;
  if (!content || !destination) return null;
  const want: Want = { postId: content.postId, groupId: content.groupId, variantId: content.variantId, memberId: q.memberId, destination, updatable: content.status !== "sent" };
  const links = await ensureLinks(db, q.workspaceId, [want], q.actorUserId ?? null);
  return links.get(targetKey(want.postId, want.variantId, want.memberId)) ?? null;
}

/** The text to copy with the tracked URL in place of the destination. */
export function trackedText(text: string, link: PostLink | undefined, base: string): string {
  return link ? textWithTrackedUrl(text, link.destination, trackedUrl(base, link.code)) : text;
}

/** The links posts already have (for readers: a viewer's page creates nothing). Keyed by post id. */
export async function existingPostLinks(db: DbOrTx, workspaceId: string, postIds: string[]): Promise<Map<string, PostLink>> {
  const ids = postIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await db.execute<PostLink & { postId: string }>(sql`
    select distinct on (post_id) id as "linkId", code, destination_url as destination, variant_id as "variantId", member_id as "memberId", post_id as "postId"
    from links where workspace_id = ${workspaceId} and post_id in ${ids} and member_id is null
    order by post_id, created_at desc`);
  return new Map(rows.map((r) => [r.postId, r]));
}

/**
 * What the to-do list and the post page show: operators' pages make the links (get or create,
 * idempotent) so the text they copy is already tracked; viewers only see links that exist.
 */
export async function linksForPages(db: DbOrTx, q: { workspaceId: string; postIds: string[]; create: boolean; actorUserId: string }): Promise<Map<string, PostLink>> {
  if (!q.create) return existingPostLinks(db, q.workspaceId, q.postIds);
  return ensurePostLinks(db, { workspaceId: q.workspaceId, postIds: q.postIds, actorUserId: q.actorUserId });
}

/** Clicks and unique clicks of a post's links so far (raw events of one post: an index range). */
export async function postClickCounts(db: DbOrTx, workspaceId: string, postId: string): Promise<{ clicks: number; unique: number }> {
  const [row] = await db.execute<{ clicks: number; unique: number }>(sql`
    select count(*)::int as clicks, count(*) filter (where unique_click)::int as "unique"
    from events where workspace_id = ${workspaceId} and post_id = ${postId} and kind = 'click'`);
  return row ?? { clicks: 0, unique: 0 };
}
