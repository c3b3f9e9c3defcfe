import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, pgEnum, pgTable, primaryKey, real, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./identity";
import { groups } from "./groups";

export const memberRole = pgEnum("member_role", ["owner", "admin", "service", "koc", "member"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * One record per person across the workspace's groups. A person is known by their WeCom
 * external id, else their phone, else their nickname within a group (imports match in that
 * order). A merged record stays, pointing at the record it was merged into.
 */
export const members = pgTable(
  "members",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    externalId: text("external_id"),
    phone: text("phone"),
    nickname: text("nickname").notNull().default(""),
    remark: text("remark").notNull().default(""),
    source: text("source"),
    activityScore: real("activity_score").notNull().default(0),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }),
    mergedIntoId: uuid("merged_into_id"),
    createdAt: createdAt(),
    // What member search looks through, lower-cased once on write, with a trigram index: an
    // ILIKE over three columns scanned every member on each keystroke of a 100,000-member search.
    searchText: text("search_text").generatedAlwaysAs(sql`lower(nickname || ' ' || remark || ' ' || coalesce(phone, ''))`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("members_search_trgm").using("gin", t.searchText.op("gin_trgm_ops")),
    index("members_created_idx").on(t.workspaceId, t.createdAt, t.id),
    uniqueIndex("members_external_key").on(t.workspaceId, t.externalId).where(sql`${t.mergedIntoId} is null`),
    uniqueIndex("members_phone_key").on(t.workspaceId, t.phone).where(sql`${t.mergedIntoId} is null`),
    index("members_nickname_idx").on(t.workspaceId, t.nickname),
    index("members_score_idx").on(t.workspaceId, t.activityScore),
  ],
);

/** A member's time in a group. Leaving sets left_at; the row stays as history. */
export const groupMemberships = pgTable(
  "group_memberships",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    groupId: uuid("group_id").notNull(),
    memberId: uuid("member_id").notNull(),
    role: memberRole("role").notNull().default("member"),
    isStaff: boolean("is_staff").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    joinSource: text("join_source"),
    addedBy: text("added_by"),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [groups.workspaceId, groups.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }).onDelete("cascade"),
    // One open membership per person and group; past ones are history.
    uniqueIndex("group_memberships_open_key").on(t.workspaceId, t.groupId, t.memberId).where(sql`${t.leftAt} is null`),
    index("group_memberships_roster_idx").on(t.workspaceId, t.groupId, t.joinedAt),
    index("group_memberships_member_idx").on(t.workspaceId, t.memberId),
  ],
);

export const tagGroups = pgTable(
  "tag_groups",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex("tag_groups_name_key").on(t.workspaceId, t.name)],
);

export const tags = pgTable(
  "tags",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull(),
    tagGroupId: uuid("tag_group_id"),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.tagGroupId], foreignColumns: [tagGroups.workspaceId, tagGroups.id] }).onDelete("cascade"),
    unique("tags_name_key").on(t.workspaceId, t.tagGroupId, t.name).nullsNotDistinct(),
  ],
);

export const memberTags = pgTable(
  "member_tags",
  {
    workspaceId: uuid("workspace_id").notNull(),
    memberId: uuid("member_id").notNull(),
    tagId: uuid("tag_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId, t.tagId] }),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.tagId], foreignColumns: [tags.workspaceId, tags.id] }).onDelete("cascade"),
    index("member_tags_tag_idx").on(t.workspaceId, t.tagId),
  ],
);

/** Daily activity score per member, for the sparkline and the recall list. */
export const memberScoreHistory = pgTable(
  "member_score_history",
  {
    workspaceId: uuid("workspace_id").notNull(),
    memberId: uuid("member_id").notNull(),
    day: date("day").notNull(),
    score: real("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId, t.day] }),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }).onDelete("cascade"),
  ],
);

export type Member = typeof members.$inferSelect;
export type GroupMembership = typeof groupMemberships.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
export type Tag = typeof tags.$inferSelect;
