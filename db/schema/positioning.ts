import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";

export const businessStep = pgEnum("business_step", ["acquire", "convert", "repurchase", "word_of_mouth", "franchise", "new_retail", "other"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** A workspace's own community types, beside the presets defined in code (lib/positioning/presets.ts). */
export const communityTypes = pgTable(
  "community_types",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    businessStep: businessStep("business_step"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * One positioning plan per community line. `answers` is the current worksheet (validated by the
 * versioned zod schema in lib/positioning/schema.ts); every save also appends a version row.
 * `version` is the optimistic-concurrency token: a save names the version it started from.
 */
export const positionings = pgTable(
  "positionings",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    answers: jsonb("answers").notNull(),
    schemaVersion: integer("schema_version").notNull().default(1),
    version: integer("version").notNull().default(1),
    starter: text("starter"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index("positionings_updated_idx").on(t.workspaceId, t.updatedAt)],
);

export const positioningVersions = pgTable(
  "positioning_versions",
  {
    workspaceId: uuid("workspace_id").notNull(),
    positioningId: uuid("positioning_id").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    answers: jsonb("answers").notNull(),
    schemaVersion: integer("schema_version").notNull().default(1),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    restoredFrom: integer("restored_from"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.positioningId, t.version] }),
    foreignKey({ columns: [t.workspaceId, t.positioningId], foreignColumns: [positionings.workspaceId, positionings.id] }).onDelete("cascade"),
  ],
);

export type CommunityType = typeof communityTypes.$inferSelect;
export type Positioning = typeof positionings.$inferSelect;
export type PositioningVersion = typeof positioningVersions.$inferSelect;
