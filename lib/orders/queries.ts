import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type OrderListRow = {
  id: string;
  externalId: string;
  occurredAt: Date;
  amountCents: number;
  refundedCents: number;
  source: "webhook" | "import";
  attribution: "link" | "member_link" | "last_click" | "none";
  linkCode: string | null;
  postId: string | null;
  postTitle: string | null;
  groupName: string | null;
  memberName: string | null;
};

/** Recent orders in [from, to), newest first, with what they are credited to. */
export async function listOrders(db: DbOrTx, q: { workspaceId: string; from: Date; to: Date; limit?: number }): Promise<OrderListRow[]> {
  const rows = await db.execute<Omit<OrderListRow, "occurredAt"> & { occurredAt: string }>(sql`
    select o.id, o.external_id as "externalId", o.occurred_at as "occurredAt", o.amount_cents::float8 as "amountCents",
           o.refunded_cents::float8 as "refundedCents", o.source::text as source, o.attribution::text as attribution, o.link_code as "linkCode",
           o.post_id as "postId", coalesce(nullif(p.title, ''), ci.title) as "postTitle", g.name as "groupName",
           coalesce(nullif(m.nickname, ''), m.phone) as "memberName"
    from orders o
    left join posts p on p.workspace_id = o.workspace_id and p.id = o.post_id
    left join content_items ci on ci.workspace_id = p.workspace_id and ci.id = p.content_item_id
    left join groups g on g.workspace_id = o.workspace_id and g.id = o.group_id
    left join members m on m.workspace_id = o.workspace_id and m.id = o.member_id
    where o.workspace_id = ${q.workspaceId} and o.occurred_at >= ${q.from.toISOString()}::timestamptz and o.occurred_at < ${q.to.toISOString()}::timestamptz
    order by o.occurred_at desc, o.id desc
    limit ${q.limit ?? 200}`);
  return rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) }));
}

export async function orderTotals(db: DbOrTx, q: { workspaceId: string; from: Date; to: Date }) {
  const [row] = await db.execute<{ orders: number; revenue: number; refunds: number; attributed: number }>(sql`
    select count(*)::int as orders, coalesce(sum(amount_cents), 0)::float8 as revenue, coalesce(sum(refunded_cents), 0)::float8 as refunds,
           count(*) filter (where attribution <> 'none')::int as attributed
    from orders where workspace_id = ${q.workspaceId} and occurred_at >= ${q.from.toISOString()}::timestamptz and occurred_at < ${q.to.toISOString()}::timestamptz`);
  return row ?? { orders: 0, revenue: 0, refunds: 0, attributed: 0 };
}
