import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";
import { groups } from "./groups";

export const importStatus = pgEnum("import_status", ["uploaded", "checking", "checked", "importing", "done", "failed"]);

/**
 * A roster file on its way in. The file itself is kept on disk under .data/uploads; this row
 * holds the chosen column mapping and the progress the page polls.
 */
export const rosterImports = pgTable(
  "roster_imports",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    filename: text("filename").notNull(),
    kind: text("kind").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    status: importStatus("status").notNull().default("uploaded"),
    mapping: jsonb("mapping").$type<(string | null)[]>(),
    groupId: uuid("group_id"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    createdMembers: integer("created_members").notNull().default(0),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
  ],
);

/** Rows an import skipped, with the reason and the original cells, for the downloadable report. */
export const rosterImportProblems = pgTable(
  "roster_import_problems",
  {
    workspaceId: uuid("workspace_id").notNull(),
    importId: uuid("import_id").notNull(),
    rowNumber: integer("row_number").notNull(),
    column: text("column").notNull().default(""),
    problem: text("problem").notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId, t.rowNumber, t.column, t.problem] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [rosterImports.workspaceId, rosterImports.id] }).onDelete("cascade"),
    index("roster_import_problems_row_idx").on(t.workspaceId, t.importId, t.rowNumber),
  ],
);

/**
 * A workspace's activity rule: points per event kind, a half-life for decay, and the lines below
 * which a member is due for recall or a group is called dead (死群).
 */
export const activityRules = pgTable("activity_rules", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  points: jsonb("points").$type<Record<string, number>>().notNull(),
  halfLifeDays: integer("half_life_days").notNull().default(14),
  recallBelow: integer("recall_below").notNull().default(2),
  silentDays: integer("silent_days").notNull().default(14),
  deadActiveRatio: integer("dead_active_ratio_pct").notNull().default(5),
  deadSilentDays: integer("dead_silent_days").notNull().default(7),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type RosterImport = typeof rosterImports.$inferSelect;
export type ActivityRule = typeof activityRules.$inferSelect;
