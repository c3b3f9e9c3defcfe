import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";
import { positionings } from "./positioning";

export const groupStage = pgEnum("group_stage", ["planned", "active", "declining", "ended", "archived"]);
export const groupStaffRole = pgEnum("group_staff_role", ["owner", "admin"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * A customer group (社群). Type and threshold use the positioning vocabularies (preset key or
 * "custom:<id>"); a group built from a plan keeps the link and inherits its answers at creation.
 */
export const groups = pgTable(
  "groups",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    communityType: text("community_type"),
    positioningId: uuid("positioning_id"),
    stage: groupStage("stage").notNull().default("planned"),
    plannedEnd: date("planned_end"),
    entryThreshold: text("entry_threshold"),
    capacity: integer("capacity").notNull().default(200),
    externalChatId: text("external_chat_id"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.positioningId], foreignColumns: [positionings.workspaceId, positionings.id] }),
    uniqueIndex("groups_external_chat_key").on(t.workspaceId, t.externalChatId),
    uniqueIndex("groups_name_key").on(t.workspaceId, t.name),
    index("groups_stage_idx").on(t.workspaceId, t.stage),
    check("groups_capacity_range", sql`${t.capacity} between 1 and 500`),
  ],
);

/** The workspace's staff who run a group: its owner (群主) and admins (管理员). */
export const groupStaff = pgTable(
  "group_staff",
  {
    workspaceId: uuid("workspace_id").notNull(),
    groupId: uuid("group_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: groupStaffRole("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.groupId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    index("group_staff_user_idx").on(t.workspaceId, t.userId),
  ],
);

export type Group = typeof groups.$inferSelect;
export type NewGroup = typeof groups.$inferInsert;
export type GroupStage = (typeof groupStage.enumValues)[number];
