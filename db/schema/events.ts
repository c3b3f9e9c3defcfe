import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./identity";

export const eventKind = pgEnum("event_kind", ["reach", "click", "order", "refund", "join", "leave", "message"]);

/**
 * Everything that happens to a member or a post (DESIGN.md, Data), partitioned by month of
 * `occurred_at` (migration 0011; the worker creates partitions ahead). Written once per
 * idempotency key and occurrence time, so a replayed webhook or a re-run import adds nothing: a
 * key always travels with the same `occurred_at`. `tx_id` is the inserting transaction's id: the
 * rollup worker reads events whose transaction is older than every one still running, so no
 * late-committing event is ever skipped.
 */
export const events = pgTable(
  "events",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    kind: eventKind("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    memberId: uuid("member_id"),
    groupId: uuid("group_id"),
    amountCents: bigint("amount_cents", { mode: "number" }),
    postId: uuid("post_id"),
    variantId: uuid("variant_id"),
    linkId: uuid("link_id"),
    orderId: uuid("order_id"),
    /** first-party cookie key of a click's browser (never an IP) */
    visitorKey: text("visitor_key"),
    /** a click that was this visitor's first on its link */
    uniqueClick: boolean("unique_click"),
    idempotencyKey: text("idempotency_key").notNull(),
    txId: bigint("tx_id", { mode: "number" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text::bigint)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id, t.occurredAt] }),
    uniqueIndex("events_idempotency_key").on(t.workspaceId, t.idempotencyKey, t.occurredAt),
    index("events_member_idx").on(t.workspaceId, t.memberId, t.occurredAt),
    index("events_group_idx").on(t.workspaceId, t.groupId, t.occurredAt),
    index("events_post_idx").on(t.workspaceId, t.postId, t.occurredAt),
    index("events_tx_idx").on(t.txId),
  ],
);

export type EventKind = (typeof eventKind.enumValues)[number];
