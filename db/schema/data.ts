import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, integer, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";
import { groups } from "./groups";
import { posts } from "./calendar";

export const orderAttribution = pgEnum("order_attribution", ["link", "member_link", "last_click", "none"]);
export const orderSource = pgEnum("order_source", ["webhook", "import"]);
export const experimentMode = pgEnum("experiment_mode", ["by_group", "alternate_weeks"]);
export const experimentStatus = pgEnum("experiment_status", ["draft", "running", "decided", "stopped"]);
export const costScope = pgEnum("cost_scope", ["workspace", "plan", "group", "post", "campaign"]);
export const costKind = pgEnum("cost_kind", ["coupon", "gift", "ads", "staff", "other"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** "No post / no variant" in rollup keys, which cannot hold nulls. */
export const NIL_UUID = "00000000-0000-0000-0000-000000000000";
/** NIL_UUID as an SQL literal, for raw queries over rollup keys. */
export const NIL_UUID_SQL = sql.raw(`'${NIL_UUID}'::uuid`);

/**
 * A tracked link: one short code per post × group × variant (and per member when the link was
 * personalised). The code is also registered in `public_codes` (kind "link") so `/r/[code]`
 * finds its workspace from the code alone. Destinations are http(s) only.
 */
export const links = pgTable(
  "links",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    code: text("code").notNull(),
    postId: uuid("post_id").notNull(),
    groupId: uuid("group_id").notNull(),
    variantId: uuid("variant_id"),
    memberId: uuid("member_id"),
    destinationUrl: text("destination_url").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.postId], foreignColumns: [posts.workspaceId, posts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    uniqueIndex("links_code_key").on(t.code),
    uniqueIndex("links_target_key").on(t.workspaceId, t.postId, t.groupId, sql`coalesce(${t.variantId}, '${sql.raw(NIL_UUID)}'::uuid)`, sql`coalesce(${t.memberId}, '${sql.raw(NIL_UUID)}'::uuid)`),
    check("links_destination_scheme", sql`${t.destinationUrl} ~* '^https?://'`),
  ],
);

/** Who has clicked a link before: a repeat click by the same browser is not a unique click. */
export const linkVisitors = pgTable(
  "link_visitors",
  {
    workspaceId: uuid("workspace_id").notNull(),
    linkId: uuid("link_id").notNull(),
    visitorKey: text("visitor_key").notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.linkId, t.visitorKey] }),
    foreignKey({ columns: [t.workspaceId, t.linkId], foreignColumns: [links.workspaceId, links.id] }).onDelete("cascade"),
  ],
);

/**
 * The data area's settings: the order webhook's signing secret (encrypted, shown once) and the
 * attribution window for "last click by the same member".
 */
export const dataSettings = pgTable(
  "data_settings",
  {
    workspaceId: uuid("workspace_id")
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ordersSecretEnc: text("orders_secret_enc"),
    ordersSecretRotatedAt: timestamp("orders_secret_rotated_at", { withTimezone: true }),
    attributionWindowDays: smallint("attribution_window_days").notNull().default(7),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("data_settings_window", sql`${t.attributionWindowDays} between 1 and 90`)],
);

/**
 * An order from the store (signed webhook or an import of its export), stored once per external
 * order id; `bodyHash` tells a replay (same body) from a conflict (409). Money in cents.
 */
export const orders = pgTable(
  "orders",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    externalId: text("external_id").notNull(),
    bodyHash: text("body_hash").notNull(),
    source: orderSource("source").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    refundedCents: bigint("refunded_cents", { mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("CNY"),
    memberId: uuid("member_id"),
    linkCode: text("link_code"),
    attribution: orderAttribution("attribution").notNull().default("none"),
    postId: uuid("post_id"),
    groupId: uuid("group_id"),
    variantId: uuid("variant_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("orders_external_key").on(t.workspaceId, t.externalId),
    index("orders_occurred_idx").on(t.workspaceId, t.occurredAt),
    check("orders_amount", sql`${t.amountCents} >= 0 and ${t.refundedCents} between 0 and ${t.amountCents}`),
  ],
);

/** A refund of (part of) an order, once per external refund id. */
export const orderRefunds = pgTable(
  "order_refunds",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    orderId: uuid("order_id").notNull(),
    externalId: text("external_id").notNull(),
    bodyHash: text("body_hash").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.orderId], foreignColumns: [orders.workspaceId, orders.id] }).onDelete("cascade"),
    uniqueIndex("order_refunds_external_key").on(t.workspaceId, t.externalId),
    check("order_refunds_amount", sql`${t.amountCents} > 0`),
  ],
);

/**
 * Daily funnel figures per workspace × local day × post × group × variant (NIL_UUID when none),
 * kept by the worker from events. Dashboards read these, never raw events. Unique clicks are
 * first clicks of a browser on a link, so they add up across days.
 */
export const dailyRollups = pgTable(
  "daily_rollups",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    postId: uuid("post_id").notNull(),
    groupId: uuid("group_id").notNull(),
    variantId: uuid("variant_id").notNull(),
    reach: bigint("reach", { mode: "number" }).notNull().default(0),
    clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
    uniqueClicks: bigint("unique_clicks", { mode: "number" }).notNull().default(0),
    orders: bigint("orders", { mode: "number" }).notNull().default(0),
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull().default(0),
    refundCents: bigint("refund_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.day, t.postId, t.groupId, t.variantId] }),
    index("daily_rollups_group_idx").on(t.workspaceId, t.groupId, t.day),
    index("daily_rollups_post_idx").on(t.workspaceId, t.postId, t.day),
  ],
);

/** How far the rollup worker has read the events table (see events.tx_id). */
export const rollupState = pgTable("rollup_state", {
  name: text("name").primaryKey(),
  /** every event with tx_id below this has been counted */
  txHorizon: bigint("tx_horizon", { mode: "number" }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An A/B test of two variants of one content item across a set of groups: each group gets a
 * variant at random (by_group), or groups alternate week by week (alternate_weeks).
 */
export const experiments = pgTable(
  "experiments",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    contentItemId: uuid("content_item_id").notNull(),
    variantAId: uuid("variant_a_id").notNull(),
    variantBId: uuid("variant_b_id").notNull(),
    mode: experimentMode("mode").notNull().default("by_group"),
    status: experimentStatus("status").notNull().default("draft"),
    /** reach per variant before a result is shown */
    minSample: integer("min_sample").notNull().default(200),
    winnerVariantId: uuid("winner_variant_id"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("experiments_name_key").on(t.workspaceId, t.name),
    check("experiments_two_variants", sql`${t.variantAId} <> ${t.variantBId}`),
  ],
);

/** Which variant a group gets (for alternate_weeks: in which week, `weekStart` a Monday). */
export const experimentAssignments = pgTable(
  "experiment_assignments",
  {
    workspaceId: uuid("workspace_id").notNull(),
    experimentId: uuid("experiment_id").notNull(),
    groupId: uuid("group_id").notNull(),
    weekStart: date("week_start").notNull().default("1970-01-05"),
    variantId: uuid("variant_id").notNull(),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.experimentId, t.groupId, t.weekStart] }),
    foreignKey({ columns: [t.workspaceId, t.experimentId], foreignColumns: [experiments.workspaceId, experiments.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
  ],
);

/**
 * A cost for ROI (投产比): coupons, gifts, ads, staff hours × hourly rate, other. Scoped to the
 * workspace, a positioning plan, a group, a post, or a named campaign.
 */
export const costs = pgTable(
  "costs",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    scope: costScope("scope").notNull(),
    targetId: uuid("target_id"),
    campaign: text("campaign"),
    kind: costKind("kind").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    staffHours: numeric("staff_hours", { precision: 8, scale: 2 }),
    hourlyRateCents: bigint("hourly_rate_cents", { mode: "number" }),
    incurredOn: date("incurred_on").notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("costs_scope_idx").on(t.workspaceId, t.scope, t.targetId),
    check("costs_amount", sql`${t.amountCents} >= 0`),
    check("costs_target", sql`(${t.scope} = 'workspace' and ${t.targetId} is null) or (${t.scope} = 'campaign' and ${t.campaign} is not null) or (${t.scope} in ('plan', 'group', 'post') and ${t.targetId} is not null)`),
  ],
);
