import { bigint, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./identity";

export const eventKind = pgEnum("event_kind", ["reach", "click", "order", "refund", "join", "leave", "message"]);

/**
 * Everything that happens to a member or a post (DESIGN.md, Data). Written once per
 * idempotency key, so a replayed webhook or a re-run import adds nothing. The activity score
 * and, later, the funnel rollups read from here. (Monthly partitioning comes with the data area.)
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
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("events_idempotency_key").on(t.workspaceId, t.idempotencyKey),
    index("events_member_idx").on(t.workspaceId, t.memberId, t.occurredAt),
    index("events_group_idx").on(t.workspaceId, t.groupId, t.occurredAt),
  ],
);

export type EventKind = (typeof eventKind.enumValues)[number];
