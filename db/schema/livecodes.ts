import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";
import { groups } from "./groups";
import { tags } from "./members";

export const publicCodeKind = pgEnum("public_code_kind", ["live_code", "link"]);
export const userAgentClass = pgEnum("user_agent_class", ["wechat", "mobile", "desktop", "bot", "other"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * The one global table (DESIGN.md): a public URL carries only a code, so the code alone must
 * lead to its workspace. Tenant tables still key the same thing by (workspace_id, …).
 */
export const publicCodes = pgTable(
  "public_codes",
  {
    code: text("code").primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: publicCodeKind("kind").notNull(),
    targetId: uuid("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("public_codes_target_key").on(t.workspaceId, t.kind, t.targetId)],
);

/**
 * Uploaded images (live-code group QRs). The file sits outside the web root under a random
 * storage key; only this row knows which workspace it belongs to.
 */
export const uploads = pgTable(
  "uploads",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    storageKey: text("storage_key").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    filename: text("filename").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex("uploads_storage_key").on(t.storageKey)],
);

/**
 * A live code (活码): one QR on a poster that routes each visitor to the first target group that
 * is neither full nor showing an expired group QR. `capacity` is the member count at which a
 * group counts as full; `scan_count` is kept exact by the routing transaction.
 */
export const liveCodes = pgTable(
  "live_codes",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    channel: text("channel").notNull().default(""),
    capacity: integer("capacity").notNull().default(200),
    welcomeMessage: text("welcome_message").notNull().default(""),
    scanCount: bigint("scan_count", { mode: "number" }).notNull().default(0),
    /** Set when a visitor found every target full or expired; cleared once one routes again. */
    exhaustedAt: timestamp("exhausted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("live_codes_slug_key").on(t.workspaceId, t.slug),
    uniqueIndex("live_codes_name_key").on(t.workspaceId, t.name),
    check("live_codes_capacity_range", sql`${t.capacity} between 1 and 500`),
  ],
);

/** Tags a joiner should get; the WeCom connector applies them once the person is known. */
export const liveCodeTags = pgTable(
  "live_code_tags",
  {
    workspaceId: uuid("workspace_id").notNull(),
    liveCodeId: uuid("live_code_id").notNull(),
    tagId: uuid("tag_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.liveCodeId, t.tagId] }),
    foreignKey({ columns: [t.workspaceId, t.liveCodeId], foreignColumns: [liveCodes.workspaceId, liveCodes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.tagId], foreignColumns: [tags.workspaceId, tags.id] }).onDelete("cascade"),
  ],
);

/**
 * One group behind a live code, in order. `start_members` is the group's roster size when it
 * was added; `assigned_count` the visitors routed here since. Full = their sum ≥ capacity.
 */
export const liveCodeTargets = pgTable(
  "live_code_targets",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    liveCodeId: uuid("live_code_id").notNull(),
    groupId: uuid("group_id").notNull(),
    position: integer("position").notNull(),
    qrUploadId: uuid("qr_upload_id"),
    qrExpiresAt: timestamp("qr_expires_at", { withTimezone: true }),
    startMembers: integer("start_members").notNull().default(0),
    assignedCount: integer("assigned_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.liveCodeId], foreignColumns: [liveCodes.workspaceId, liveCodes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.qrUploadId], foreignColumns: [uploads.workspaceId, uploads.id] }),
    uniqueIndex("live_code_targets_group_key").on(t.workspaceId, t.liveCodeId, t.groupId),
    index("live_code_targets_order_idx").on(t.workspaceId, t.liveCodeId, t.position),
  ],
);

/**
 * The group a returning visitor (first-party cookie, stored hashed) was given, so they see it
 * again and count once towards its capacity.
 */
export const liveCodeVisitors = pgTable(
  "live_code_visitors",
  {
    workspaceId: uuid("workspace_id").notNull(),
    liveCodeId: uuid("live_code_id").notNull(),
    visitorHash: text("visitor_hash").notNull(),
    targetId: uuid("target_id").notNull(),
    firstSeenAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.liveCodeId, t.visitorHash] }),
    foreignKey({ columns: [t.workspaceId, t.liveCodeId], foreignColumns: [liveCodes.workspaceId, liveCodes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.targetId], foreignColumns: [liveCodeTargets.workspaceId, liveCodeTargets.id] }).onDelete("cascade"),
  ],
);

/**
 * Every scan, also those that found no group. Target and group ids are history, not links:
 * a scan outlives the removal of its target. No IP is kept, only a keyed hash of it.
 */
export const liveCodeScans = pgTable(
  "live_code_scans",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    liveCodeId: uuid("live_code_id").notNull(),
    targetId: uuid("target_id"),
    groupId: uuid("group_id"),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull().defaultNow(),
    userAgentClass: userAgentClass("user_agent_class").notNull(),
    returning: boolean("returning").notNull().default(false),
    ipHash: text("ip_hash"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.liveCodeId], foreignColumns: [liveCodes.workspaceId, liveCodes.id] }).onDelete("cascade"),
    index("live_code_scans_code_idx").on(t.workspaceId, t.liveCodeId, t.scannedAt),
  ],
);

export type LiveCode = typeof liveCodes.$inferSelect;
export type LiveCodeTarget = typeof liveCodeTargets.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type UserAgentClass = (typeof userAgentClass.enumValues)[number];
