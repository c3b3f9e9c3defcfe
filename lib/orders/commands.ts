import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { isUuid, newId } from "@/lib/ids";
import { normalizePhone } from "@/lib/members/import/rows";
import { chooseAttribution, windowStart, type ClickHit, type Credit, type LinkHit } from "./attribution";
import { orderBodyHash, refundBodyHash, type OrderInput, type RefundInput } from "./schema";

export type StoredOrder = {
  id: string;
  externalId: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  occurredAt: string;
  memberId: string | null;
  linkCode: string | null;
  attribution: Credit["attribution"];
  postId: string | null;
  groupId: string | null;
  variantId: string | null;
  source: "webhook" | "import";
};

export type OrderOutcome = { status: "created" | "duplicate"; order: StoredOrder } | { status: "conflict"; order: StoredOrder };
export type RefundOutcome =
  | { status: "created" | "duplicate"; refund: { id: string; externalId: string; amountCents: number }; order: StoredOrder }
  | { status: "conflict" | "order_not_found" | "exceeds_order" };

const ORDER_COLUMNS = sql`id, external_id as "externalId", amount_cents::float8 as "amountCents", refunded_cents::float8 as "refundedCents", currency,
  occurred_at as "occurredAt", member_id as "memberId", link_code as "linkCode", attribution::text as attribution, post_id as "postId",
  group_id as "groupId", variant_id as "variantId", source::text as source`;

/** The person the store means, by Qunyun id, else WeCom external id, else phone; a merged record leads to the one it was merged into. */
export async function matchMember(db: DbOrTx, workspaceId: string, o: Pick<OrderInput, "memberId" | "memberExternalId" | "memberPhone">): Promise<string | null> {
  const phone = o.memberPhone ? normalizePhone(o.memberPhone) : null;
  if (!o.memberId && !o.memberExternalId && !phone) return null;
  const [row] = await db.execute<{ id: string }>(sql`
    select coalesce(m.merged_into_id, m.id) as id from members m
    where m.workspace_id = ${workspaceId}
      and ((${isUuid(o.memberId) ? o.memberId : null}::uuid is not null and m.id = ${isUuid(o.memberId) ? o.memberId : null}::uuid)
        or (m.merged_into_id is null and m.external_id = ${o.memberExternalId})
        or (m.merged_into_id is null and m.phone = ${phone}))
    order by (m.id = ${isUuid(o.memberId) ? o.memberId : null}::uuid) desc nulls last, (m.external_id = ${o.memberExternalId}) desc nulls last
    limit 1`);
  return row?.id ?? null;
}

async function linkByCode(db: DbOrTx, workspaceId: string, code: string | null): Promise<LinkHit | null> {
  if (!code) return null;
  const [row] = await db.execute<LinkHit>(sql`
    select id as "linkId", post_id as "postId", group_id as "groupId", variant_id as "variantId", member_id as "memberId"
    from links where workspace_id = ${workspaceId} and code = ${code}`);
  return row ?? null;
}

/** The member's latest click within [order time − window, order time]. */
async function lastClick(db: DbOrTx, workspaceId: string, memberId: string | null, at: Date, windowDays: number): Promise<ClickHit | null> {
  if (!memberId) return null;
  const [row] = await db.execute<{ postId: string | null; groupId: string | null; variantId: string | null; occurredAt: string }>(sql`
    select post_id as "postId", group_id as "groupId", variant_id as "variantId", occurred_at as "occurredAt"
    from events
    where workspace_id = ${workspaceId} and member_id = ${memberId} and kind = 'click'
      and occurred_at >= ${windowStart(at, windowDays).toISOString()}::timestamptz and occurred_at <= ${at.toISOString()}::timestamptz
    order by occurred_at desc
    limit 1`);
  return row ? { ...row, occurredAt: new Date(row.occurredAt) } : null;
}

export async function attributeOrder(db: DbOrTx, workspaceId: string, o: OrderInput, windowDays: number): Promise<Credit> {
  const memberId = await matchMember(db, workspaceId, o);
  const link = await linkByCode(db, workspaceId, o.linkCode);
  // The last click is only looked up when no link code decides.
  return chooseAttribution(memberId, link, link ? null : await lastClick(db, workspaceId, memberId, o.occurredAt, windowDays));
}

async function storedOrder(db: DbOrTx, workspaceId: string, externalId: string): Promise<(StoredOrder & { bodyHash: string }) | null> {
  const [row] = await db.execute<StoredOrder & { bodyHash: string }>(sql`
    select ${ORDER_COLUMNS}, body_hash as "bodyHash" from orders where workspace_id = ${workspaceId} and external_id = ${externalId}`);
  return row ?? null;
}

const strip = <T extends { bodyHash: string }>(o: T): Omit<T, "bodyHash"> => {
  const { bodyHash, ...rest } = o;
  void bodyHash;
  return rest;
};

/**
 * Stores an order once per (workspace, external id), with its order event, in the caller's
 * transaction. The insert's `on conflict do nothing` waits for a concurrent insert of the same id
 * to commit, so of two concurrent deliveries exactly one creates; the other then finds the stored
 * order and answers "duplicate" (same body hash) or "conflict" (another body).
 */
export async function ingestOrder(db: DbOrTx, q: { workspaceId: string; order: OrderInput; source: "webhook" | "import"; windowDays: number }): Promise<OrderOutcome> {
  const { workspaceId, order: o } = q;
  const hash = orderBodyHash(o);
  const existing = await storedOrder(db, workspaceId, o.externalId);
  if (existing) return { status: existing.bodyHash === hash ? "duplicate" : "conflict", order: strip(existing) };
  const credit = await attributeOrder(db, workspaceId, o, q.windowDays);
  const id = newId();
  const [created] = await db.execute<StoredOrder>(sql`
    insert into orders (workspace_id, id, external_id, body_hash, source, occurred_at, amount_cents, currency, member_id, link_code, attribution, post_id, group_id, variant_id)
    values (${workspaceId}, ${id}, ${o.externalId}, ${hash}, ${q.source}, ${o.occurredAt.toISOString()}, ${o.amountCents}, ${o.currency}, ${credit.memberId},
            ${o.linkCode}, ${credit.attribution}, ${credit.postId}, ${credit.groupId}, ${credit.variantId})
    on conflict (workspace_id, external_id) do nothing
    returning ${ORDER_COLUMNS}`);
  if (!created) {
    const raced = await storedOrder(db, workspaceId, o.externalId);
    if (!raced) throw new Error(`order ${o.externalId} neither inserted nor found`);
    return { status: raced.bodyHash === hash ? "duplicate" : "conflict", order: strip(raced) };
  }
  await db.execute(sql`
    insert into events (workspace_id, id, kind, occurred_at, member_id, group_id, post_id, variant_id, order_id, amount_cents, idempotency_key)
    values (${workspaceId}, ${newId()}, 'order', ${o.occurredAt.toISOString()}, ${credit.memberId}, ${credit.groupId}, ${credit.postId}, ${credit.variantId},
            ${id}, ${o.amountCents}, ${`order:${o.externalId}`})
    on conflict do nothing`);
  return { status: "created", order: created };
}

/**
 * A refund, once per (workspace, refund id): it raises the order's refunded amount — never above
 * the order's amount — and writes a refund event credited like its order. The order row is locked
 * first, so refunds of one order are checked one after another and cannot overshoot together.
 */
export async function ingestRefund(db: DbOrTx, q: { workspaceId: string; refund: RefundInput }): Promise<RefundOutcome> {
  const { workspaceId, refund: r } = q;
  const [locked] = await db.execute<{ id: string }>(sql`
    select id from orders where workspace_id = ${workspaceId} and external_id = ${r.orderExternalId} for update`);
  if (!locked) return { status: "order_not_found" };
  const order = (await storedOrder(db, workspaceId, r.orderExternalId))!;
  const hash = refundBodyHash(r);
  const prior = async () => {
    const [row] = await db.execute<{ id: string; bodyHash: string; amountCents: number }>(sql`
      select id, body_hash as "bodyHash", amount_cents::float8 as "amountCents" from order_refunds where workspace_id = ${workspaceId} and external_id = ${r.externalId}`);
    return row;
  };
  const before = await prior();
  if (before) return before.bodyHash === hash ? { status: "duplicate", refund: { id: before.id, externalId: r.externalId, amountCents: before.amountCents }, order: strip(order) } : { status: "conflict" };
  if (order.refundedCents + r.amountCents > order.amountCents) return { status: "exceeds_order" };
  const id = newId();
  const [inserted] = await db.execute<{ id: string }>(sql`
    insert into order_refunds (workspace_id, id, order_id, external_id, body_hash, amount_cents, occurred_at)
    values (${workspaceId}, ${id}, ${order.id}, ${r.externalId}, ${hash}, ${r.amountCents}, ${r.occurredAt.toISOString()})
    on conflict (workspace_id, external_id) do nothing
    returning id`);
  if (!inserted) {
    // The same refund id arrived concurrently for another order of this workspace.
    const raced = await prior();
    return raced && raced.bodyHash === hash ? { status: "duplicate", refund: { id: raced.id, externalId: r.externalId, amountCents: raced.amountCents }, order: strip(order) } : { status: "conflict" };
  }
  const [updated] = await db.execute<StoredOrder>(sql`
    update orders set refunded_cents = refunded_cents + ${r.amountCents}
    where workspace_id = ${workspaceId} and id = ${order.id}
    returning ${ORDER_COLUMNS}`);
  await db.execute(sql`
    insert into events (workspace_id, id, kind, occurred_at, member_id, group_id, post_id, variant_id, order_id, amount_cents, idempotency_key)
    values (${workspaceId}, ${newId()}, 'refund', ${r.occurredAt.toISOString()}, ${order.memberId}, ${order.groupId}, ${order.postId}, ${order.variantId},
            ${order.id}, ${r.amountCents}, ${`refund:${r.externalId}`})
    on conflict do nothing`);
  return { status: "created", refund: { id, externalId: r.externalId, amountCents: r.amountCents }, order: updated! };
}
