import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { getSql } from "@/db/client";
import { LINK_CODE_RE } from "./code";

export type ClickResult = { found: false } | { found: true; destination: string; unique: boolean; eventId: string };

/** The cookie holds a random id; only its hash is stored, so the table cannot be replayed as cookies. */
export function visitorKeyOf(visitorId: string): string {
  return createHash("sha256").update(`r:${visitorId}`).digest("base64url").slice(0, 32);
}

export function newVisitorId(): string {
  return randomUUID();
}

type ClickRow = { destination: string; unique: boolean; recorded: boolean };

/**
 * One click on `/r/<code>`: the code's lookup, the visitor's first-click row and the click event
 * in one statement — one round trip, one transaction, all or nothing. The caller answers the 302
 * only after this returns, so every redirect that reached the browser has its event. `unique` is
 * whether this browser's row was new (insert … on conflict do nothing). `synchronous_commit` is
 * switched off for this transaction only (as for live-code scans): a database crash may lose the
 * last fraction of a second of clicks, never half of one, and in return a burst of clicks does
 * not queue behind one disk flush each. Prepared once per connection (postgres.js tagged template).
 */
export async function recordClick(code: string, visitorId: string, now?: Date): Promise<ClickResult> {
  if (!LINK_CODE_RE.test(code)) return { found: false };
  const eventId = randomUUID();
  const visitorKey = visitorKeyOf(visitorId);
  const at = (now ?? new Date()).toISOString();
  const rows = await getSql()<ClickRow[]>`
    with cfg as (
      select set_config('synchronous_commit', 'off', true) as v
    ),
    link as (
      select workspace_id, id, post_id, group_id, variant_id, member_id, destination_url from links where code = ${code}
    ),
    visitor as (
      insert into link_visitors (workspace_id, link_id, visitor_key, first_at)
      select workspace_id, id, ${visitorKey}, ${at}::timestamptz from link
      on conflict do nothing
      returning link_id
    ),
    click as (
      insert into events (workspace_id, id, kind, occurred_at, member_id, group_id, post_id, variant_id, link_id, visitor_key, unique_click, idempotency_key)
      select l.workspace_id, ${eventId}::uuid, 'click', ${at}::timestamptz, l.member_id, l.group_id, l.post_id, l.variant_id, l.id,
             ${visitorKey}, exists (select 1 from visitor), 'click:' || ${eventId}
      from link l
      where (select v from cfg) = 'off'
      returning unique_click
    )
    select l.destination_url as destination, coalesce((select unique_click from click), false) as "unique", exists (select 1 from click) as recorded
    from link l`;
  const row = rows[0];
  if (!row) return { found: false };
  if (!row.recorded) throw new Error(`click on ${code} was not recorded`);
  return { found: true, destination: row.destination, unique: row.unique, eventId };
}
