import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./identity";
import { groups } from "./groups";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Welcome messages with the group rules in them (DOMAIN.md §2). A row with a group is that
 * group's own message; a row without one is a reusable template of the workspace.
 */
export const welcomeMessages = pgTable(
  "welcome_messages",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    groupId: uuid("group_id"),
    name: text("name").notNull(),
    content: jsonb("content").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    uniqueIndex("welcome_messages_group_key").on(t.workspaceId, t.groupId).where(sql`${t.groupId} is not null`),
  ],
);

export const faqEntries = pgTable(
  "faq_entries",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    category: text("category").notNull().default(""),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index("faq_entries_category_idx").on(t.workspaceId, t.category)],
);

/** The FAQ entries a group keeps at hand. */
export const groupFaqPins = pgTable(
  "group_faq_pins",
  {
    workspaceId: uuid("workspace_id").notNull(),
    groupId: uuid("group_id").notNull(),
    faqId: uuid("faq_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.groupId, t.faqId] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.faqId], foreignColumns: [faqEntries.workspaceId, faqEntries.id] }).onDelete("cascade"),
  ],
);

export const quickReplies = pgTable(
  "quick_replies",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    keyword: text("keyword").notNull(),
    body: text("body").notNull(),
    uses: integer("uses").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex("quick_replies_keyword_key").on(t.workspaceId, t.keyword)],
);

export const moderationKind = pgEnum("moderation_kind", ["keyword", "link", "qrcode", "phone", "red_packet", "pattern", "flood"]);
export const moderationAction = pgEnum("moderation_action", ["warn", "remove"]);

/** Anti-harassment rules (防骚扰), for the whole workspace or one group; `config` by kind. */
export const moderationRules = pgTable(
  "moderation_rules",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    groupId: uuid("group_id"),
    name: text("name").notNull(),
    kind: moderationKind("kind").notNull(),
    config: jsonb("config").notNull(),
    action: moderationAction("action").notNull(),
    warningText: text("warning_text").notNull().default(""),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
  ],
);

export type WelcomeMessage = typeof welcomeMessages.$inferSelect;
export type FaqEntry = typeof faqEntries.$inferSelect;
export type QuickReply = typeof quickReplies.$inferSelect;
export type ModerationRule = typeof moderationRules.$inferSelect;
