import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";
import { groups } from "./groups";

/** DOMAIN.md §3: product-related, values, interaction, activities / promotions. */
export const contentCategory = pgEnum("content_category", ["product", "values", "interaction", "activity"]);
/** What WeChat can carry: plain text, image + text, a link card, a mini-program card. */
export const contentFormat = pgEnum("content_format", ["text", "image_text", "link", "mini_program"]);
export const sopTiming = pgEnum("sop_timing", ["daily", "weekly", "relative"]);
/** Who does a step: the group's owner (群主), one of its admins, or the operator who applied the template. */
export const sopOwnerRole = pgEnum("sop_owner_role", ["group_owner", "group_admin", "operator"]);
export const postStatus = pgEnum("post_status", ["draft", "scheduled", "due", "sent", "failed", "cancelled"]);
/** manual: an operator sends it and marks it sent; webhook: a signed POST; wecom: WeCom group mass-send (connector to come). */
export const postChannel = pgEnum("post_channel", ["manual", "webhook", "wecom"]);
export const deliveryStatus = pgEnum("delivery_status", ["pending", "sending", "delivered", "failed"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Local wall-clock time "HH:mm" in the workspace's time zone. */
const timeOfDay = (name: string) => text(name);
const HHMM = "'^([01][0-9]|2[0-3]):[0-5][0-9]$'";

/** A piece of content in the library. Its body lives in its variants (at least one, "A"). */
export const contentItems = pgTable(
  "content_items",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    title: text("title").notNull(),
    category: contentCategory("category").notNull(),
    format: contentFormat("format").notNull().default("text"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("content_items_category_idx").on(t.workspaceId, t.category),
  ],
);

/**
 * One version of an item (A/B: "red poster" vs "yellow poster"). Text is at most 4,000
 * characters as WeChat allows; images are uploads of the workspace (PNG/JPEG/WebP).
 */
export const contentVariants = pgTable(
  "content_variants",
  {
    workspaceId: uuid("workspace_id").notNull(),
    itemId: uuid("item_id").notNull(),
    id: uuid("id").notNull(),
    label: text("label").notNull(),
    position: smallint("position").notNull().default(0),
    body: text("body").notNull().default(""),
    linkUrl: text("link_url"),
    miniProgramTitle: text("mini_program_title"),
    miniProgramPath: text("mini_program_path"),
    imageUploadIds: uuid("image_upload_ids").array().notNull().default(sql`'{}'::uuid[]`),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.itemId], foreignColumns: [contentItems.workspaceId, contentItems.id] }).onDelete("cascade"),
    uniqueIndex("content_variants_label_key").on(t.workspaceId, t.itemId, t.label),
    check("content_variants_body_length", sql`char_length(${t.body}) <= 4000`),
  ],
);

/**
 * A column (栏目): a named recurring slot, e.g. "周一 20:00 新品预告". For a community type
 * (preset key or custom:<id>) or for one group; weekday null means every day (1 = Monday).
 */
export const contentColumns = pgTable(
  "content_columns",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    category: contentCategory("category").notNull(),
    communityType: text("community_type"),
    groupId: uuid("group_id"),
    weekday: smallint("weekday"),
    timeOfDay: timeOfDay("time_of_day").notNull(),
    contentItemId: uuid("content_item_id"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contentItemId], foreignColumns: [contentItems.workspaceId, contentItems.id] }),
    uniqueIndex("content_columns_name_key").on(t.workspaceId, t.name),
    check("content_columns_weekday", sql`${t.weekday} is null or ${t.weekday} between 1 and 7`),
    check("content_columns_time", sql.raw(`time_of_day ~ ${HHMM}`)),
  ],
);

/**
 * An SOP template: rows of time, content, owner and notes that answer "what is posted when".
 * `anchorLabel` names day 0 of relative steps (开课日, 上新日, 建群日). `version` grows with each
 * edit so runs know which version produced their posts.
 */
export const sopTemplates = pgTable(
  "sop_templates",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    communityType: text("community_type"),
    starterKey: text("starter_key"),
    anchorLabel: text("anchor_label").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex("sop_templates_name_key").on(t.workspaceId, t.name)],
);

/**
 * One row of an SOP. Timing: `daily` at a time; `weekly` on a weekday (1 = Monday) at a time;
 * `relative` on day N from the run's anchor date (day 0; negative = before). Content is a library
 * item (and optionally one of its variants) or inline text with its own category.
 */
export const sopSteps = pgTable(
  "sop_steps",
  {
    workspaceId: uuid("workspace_id").notNull(),
    templateId: uuid("template_id").notNull(),
    id: uuid("id").notNull(),
    position: smallint("position").notNull(),
    timing: sopTiming("timing").notNull(),
    weekday: smallint("weekday"),
    dayOffset: integer("day_offset"),
    timeOfDay: timeOfDay("time_of_day").notNull(),
    contentItemId: uuid("content_item_id"),
    variantId: uuid("variant_id"),
    title: text("title").notNull().default(""),
    inlineText: text("inline_text").notNull().default(""),
    category: contentCategory("category").notNull(),
    ownerRole: sopOwnerRole("owner_role").notNull().default("operator"),
    notes: text("notes").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.templateId], foreignColumns: [sopTemplates.workspaceId, sopTemplates.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contentItemId], foreignColumns: [contentItems.workspaceId, contentItems.id] }),
    uniqueIndex("sop_steps_position_key").on(t.workspaceId, t.templateId, t.position),
    check("sop_steps_weekday", sql`${t.weekday} is null or ${t.weekday} between 1 and 7`),
    check("sop_steps_time", sql.raw(`time_of_day ~ ${HHMM}`)),
    check("sop_steps_inline_length", sql`char_length(${t.inlineText}) <= 4000`),
  ],
);

/** A template applied to groups from a start (anchor) date until an optional end date. */
export const sopRuns = pgTable(
  "sop_runs",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    templateId: uuid("template_id").notNull(),
    templateVersion: integer("template_version").notNull(),
    groupIds: uuid("group_ids").array().notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    timeZone: text("time_zone").notNull(),
    channel: postChannel("channel").notNull().default("manual"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.templateId], foreignColumns: [sopTemplates.workspaceId, sopTemplates.id] }).onDelete("cascade"),
    index("sop_runs_template_idx").on(t.workspaceId, t.templateId),
  ],
);

/**
 * One scheduled occurrence in one group. Content is a library item + variant, or inline text
 * (title + body); the dispatcher snapshots what was sent into `post_deliveries.payload`.
 * run/step/column ids record where a post came from (no foreign key: a sent post outlives them).
 * `version` is bumped by every edit (optimistic locking for drag and drop).
 */
export const posts = pgTable(
  "posts",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    groupId: uuid("group_id").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    status: postStatus("status").notNull().default("scheduled"),
    channel: postChannel("channel").notNull().default("manual"),
    category: contentCategory("category").notNull(),
    contentItemId: uuid("content_item_id"),
    variantId: uuid("variant_id"),
    title: text("title").notNull().default(""),
    body: text("body").notNull().default(""),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    runId: uuid("run_id"),
    stepId: uuid("step_id"),
    columnId: uuid("column_id"),
    notes: text("notes").notNull().default(""),
    late: boolean("late").notNull().default(false),
    dueAt: timestamp("due_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedReason: text("failed_reason"),
    reachCount: integer("reach_count"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contentItemId], foreignColumns: [contentItems.workspaceId, contentItems.id] }),
    index("posts_schedule_idx").on(t.workspaceId, t.scheduledAt),
    index("posts_group_schedule_idx").on(t.workspaceId, t.groupId, t.scheduledAt),
    index("posts_owner_idx").on(t.workspaceId, t.ownerUserId, t.status),
    index("posts_run_idx").on(t.workspaceId, t.runId),
    // The dispatcher's scan across workspaces: only what still waits for its time.
    index("posts_waiting_idx").on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
    check("posts_body_length", sql`char_length(${t.body}) <= 4000`),
  ],
);

/** Every status change of a post, with who made it (null = the worker). */
export const postHistory = pgTable(
  "post_history",
  {
    workspaceId: uuid("workspace_id").notNull(),
    postId: uuid("post_id").notNull(),
    id: uuid("id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    fromStatus: postStatus("from_status"),
    toStatus: postStatus("to_status").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.postId], foreignColumns: [posts.workspaceId, posts.id] }).onDelete("cascade"),
    index("post_history_post_idx").on(t.workspaceId, t.postId, t.at),
  ],
);

/**
 * A post's hand-over to one channel. The primary key makes it at most one per post and
 * channel; `idempotencyKey` travels with the request so a receiver can drop a replay after a
 * worker died mid-send. `claimedUntil` is the lease of the worker that is sending it.
 */
export const postDeliveries = pgTable(
  "post_deliveries",
  {
    workspaceId: uuid("workspace_id").notNull(),
    postId: uuid("post_id").notNull(),
    channel: postChannel("channel").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: deliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    payload: jsonb("payload"),
    lastError: text("last_error"),
    responseStatus: integer("response_status"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.postId, t.channel] }),
    foreignKey({ columns: [t.workspaceId, t.postId], foreignColumns: [posts.workspaceId, posts.id] }).onDelete("cascade"),
    uniqueIndex("post_deliveries_idempotency_key").on(t.idempotencyKey),
    index("post_deliveries_ready_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

/**
 * The workspace's calendar rules and channel settings. The webhook secret is stored encrypted
 * (lib/crypto/secrets.ts) and never sent back to the browser.
 */
export const calendarSettings = pgTable(
  "calendar_settings",
  {
    workspaceId: uuid("workspace_id")
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dailyLimit: smallint("daily_limit").notNull().default(3),
    hardDailyLimit: smallint("hard_daily_limit").notNull().default(5),
    quietStart: timeOfDay("quiet_start").notNull().default("22:00"),
    quietEnd: timeOfDay("quiet_end").notNull().default("08:00"),
    webhookUrl: text("webhook_url"),
    webhookSecretEnc: text("webhook_secret_enc"),
    webhookMaxAttempts: smallint("webhook_max_attempts").notNull().default(5),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("calendar_settings_limits", sql`${t.dailyLimit} between 1 and 20 and ${t.hardDailyLimit} between ${t.dailyLimit} and 50`),
    check("calendar_settings_attempts", sql`${t.webhookMaxAttempts} between 1 and 20`),
  ],
);

/** In-app notifications (a manual post fell due, a webhook failed). */
export const notifications = pgTable(
  "notifications",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    postId: uuid("post_id"),
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("notifications_post_kind_key").on(t.workspaceId, t.userId, t.postId, t.kind),
    index("notifications_user_idx").on(t.workspaceId, t.userId, t.createdAt),
  ],
);

export type ContentCategory = (typeof contentCategory.enumValues)[number];
export type ContentFormat = (typeof contentFormat.enumValues)[number];
export type SopTiming = (typeof sopTiming.enumValues)[number];
export type SopOwnerRole = (typeof sopOwnerRole.enumValues)[number];
export type PostStatus = (typeof postStatus.enumValues)[number];
export type PostChannel = (typeof postChannel.enumValues)[number];
export type Post = typeof posts.$inferSelect;
