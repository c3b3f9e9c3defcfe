import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { communityTypes, contentColumns, contentItems, contentVariants, groups, groupStaff, posts } from "@/db/schema";
import { createPosts, type NewPost } from "@/lib/calendar/posts";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { assertLiveItem } from "./commands";
import { expandColumns, slotKey } from "./columns";
import type { ColumnFields, FillColumnsInput } from "./columns-schema";
import { guardUnique } from "@/lib/db-errors";
import { workspaceTimeZone } from "@/lib/workspaces/queries";

type Key = { workspaceId: string };

function guardName<T>(run: () => Promise<T>): Promise<T> {
  return guardUnique(run, { content_columns_name_key: ["contentErrors.columnNameTaken", "name"] });
}

/** The group or custom type a column names must be this workspace's. */
async function assertOwnScope(tx: Tx, workspaceId: string, scope: ColumnFields["scope"]) {
  if (scope.groupId) {
    const [g] = await tx.select({ id: groups.id }).from(groups).where(and(eq(groups.workspaceId, workspaceId), eq(groups.id, scope.groupId)));
    if (!g) throw new RuleError("contentErrors.scopeNeeded", "scope");
  } else if (scope.communityType?.startsWith("custom:")) {
    const [c] = await tx
      .select({ id: communityTypes.id })
      .from(communityTypes)
      .where(and(eq(communityTypes.workspaceId, workspaceId), eq(communityTypes.id, scope.communityType.slice(7))));
    if (!c) throw new RuleError("contentErrors.scopeNeeded", "scope");
  }
}

function columnValues(f: ColumnFields) {
  return { name: f.name, category: f.category, communityType: f.scope.communityType, groupId: f.scope.groupId, weekday: f.weekday, timeOfDay: f.timeOfDay, contentItemId: f.contentItemId, notes: f.notes };
}

export async function createColumn(tx: Tx, input: Key & { fields: ColumnFields }) {
  const { workspaceId, fields: f } = input;
  await assertOwnScope(tx, workspaceId, f.scope);
  if (f.contentItemId) await assertLiveItem(tx, { workspaceId, itemId: f.contentItemId, field: "contentItemId" });
  const columnId = newId();
  await guardName(() => tx.insert(contentColumns).values({ workspaceId, id: columnId, ...columnValues(f) }));
  return { columnId };
}

export async function updateColumn(tx: Tx, input: Key & { columnId: string; fields: ColumnFields }) {
  const { workspaceId, columnId, fields: f } = input;
  const [current] = await tx
    .select({ contentItemId: contentColumns.contentItemId })
    .from(contentColumns)
    .where(and(eq(contentColumns.workspaceId, workspaceId), eq(contentColumns.id, columnId)))
    .for("update");
  if (!current) throw new NotFoundError();
  await assertOwnScope(tx, workspaceId, f.scope);
  // Keeping an item that has since been archived is allowed; choosing one is not.
  if (f.contentItemId && f.contentItemId !== current.contentItemId) await assertLiveItem(tx, { workspaceId, itemId: f.contentItemId, field: "contentItemId" });
  await guardName(() => tx.update(contentColumns).set(columnValues(f)).where(and(eq(contentColumns.workspaceId, workspaceId), eq(contentColumns.id, columnId))));
  return { columnId };
}

/** Posts made from a column keep their column id (no foreign key): they outlive it. */
export async function deleteColumn(tx: Tx, input: Key & { columnId: string }) {
  const [row] = await tx
    .delete(contentColumns)
    .where(and(eq(contentColumns.workspaceId, input.workspaceId), eq(contentColumns.id, input.columnId)))
    .returning({ id: contentColumns.id, name: contentColumns.name });
  if (!row) throw new NotFoundError();
  return { columnId: row.id, name: row.name };
}

export type FillResult = { created: number; skipped: number; past: number; nonexistent: number };

/**
 * Scheduled posts (manual channel) for every column slot of the groups over the local days,
 * in the workspace's zone. A slot already holding a post of the same column at the same time
 * in that group, whatever its status, is skipped, so filling twice creates nothing new; slots
 * already in the past are not scheduled either. Concurrent fills of one workspace take turns.
 */
export async function fillFromColumns(tx: Tx, input: Key & FillColumnsInput & { userId: string; now?: Date }): Promise<FillResult> {
  const { workspaceId } = input;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`content-columns-fill:${workspaceId}`}, 0))`);
  const groupIds = [...new Set(input.groupIds)];
  const timeZone = await workspaceTimeZone(tx, workspaceId);
  const groupRows = await tx
    .select({ id: groups.id, communityType: groups.communityType })
    .from(groups)
    .where(and(eq(groups.workspaceId, workspaceId), inArray(groups.id, groupIds)));
  if (groupRows.length !== groupIds.length) throw new RuleError("contentErrors.groupNotFound", "groupIds");
  const types = [...new Set(groupRows.flatMap((g) => (g.communityType ? [g.communityType] : [])))];
  const columns = await tx
    .select({ id: contentColumns.id, name: contentColumns.name, category: contentColumns.category, communityType: contentColumns.communityType, groupId: contentColumns.groupId, weekday: contentColumns.weekday, timeOfDay: contentColumns.timeOfDay, contentItemId: contentColumns.contentItemId, notes: contentColumns.notes })
    .from(contentColumns)
    .where(and(eq(contentColumns.workspaceId, workspaceId), or(inArray(contentColumns.groupId, groupIds), types.length ? inArray(contentColumns.communityType, types) : sql`false`)));
  const { slots, nonexistent } = expandColumns({ columns, groups: groupRows, from: input.from, to: input.to, timeZone });
  const now = input.now ?? new Date();
  const future = slots.filter((s) => s.at > now);
  if (future.length === 0) return { created: 0, skipped: 0, past: slots.length, nonexistent: nonexistent.length };

  const existing = await tx
    .select({ groupId: posts.groupId, columnId: posts.columnId, at: posts.scheduledAt })
    .from(posts)
    .where(
      and(
        eq(posts.workspaceId, workspaceId),
        inArray(posts.groupId, groupIds),
        inArray(posts.columnId, [...new Set(future.map((s) => s.columnId))]),
        gte(posts.scheduledAt, future[0]!.at),
        lte(posts.scheduledAt, future[future.length - 1]!.at),
      ),
    );
  const filled = new Set(existing.map((p) => slotKey({ groupId: p.groupId, columnId: p.columnId ?? "", at: p.at })));
  const todo = future.filter((s) => !filled.has(slotKey(s)));

  const content = await firstVariants(tx, workspaceId, columns.flatMap((c) => (c.contentItemId ? [c.contentItemId] : [])));
  const owners = await groupOwners(tx, workspaceId, groupIds);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const rows: NewPost[] = todo.map((s) => {
    const c = byId.get(s.columnId)!;
    const item = c.contentItemId ? content.get(c.contentItemId) : undefined;
    return {
      groupId: s.groupId,
      scheduledAt: s.at,
      channel: "manual",
      category: c.category,
      contentItemId: item?.itemId ?? null,
      variantId: item?.variantId ?? null,
      title: item?.title ?? c.name,
      columnId: c.id,
      notes: c.notes,
      ownerUserId: owners.get(s.groupId) ?? input.userId,
    };
  });
  await createPosts(tx, workspaceId, rows, input.userId, "columns.fill");
  return { created: rows.length, skipped: future.length - todo.length, past: slots.length - future.length, nonexistent: nonexistent.length };
}

/** Each live item's first variant; an archived default item leaves the column name as the title. */
async function firstVariants(tx: Tx, workspaceId: string, itemIds: string[]) {
  const out = new Map<string, { itemId: string; title: string; variantId: string | null }>();
  if (itemIds.length === 0) return out;
  const rows = await tx
    .select({ itemId: contentItems.id, title: contentItems.title, variantId: contentVariants.id })
    .from(contentItems)
    .leftJoin(contentVariants, and(eq(contentVariants.workspaceId, contentItems.workspaceId), eq(contentVariants.itemId, contentItems.id)))
    .where(and(eq(contentItems.workspaceId, workspaceId), inArray(contentItems.id, [...new Set(itemIds)]), isNull(contentItems.archivedAt)))
    .orderBy(asc(contentVariants.position), asc(contentVariants.label));
  for (const r of rows) if (!out.has(r.itemId)) out.set(r.itemId, r);
  return out;
}

/** A manual post lands on the to-do list of the group's owner (群主) when it has one. */
async function groupOwners(tx: Tx, workspaceId: string, groupIds: string[]) {
  const rows = await tx
    .select({ groupId: groupStaff.groupId, userId: groupStaff.userId })
    .from(groupStaff)
    .where(and(eq(groupStaff.workspaceId, workspaceId), inArray(groupStaff.groupId, groupIds), eq(groupStaff.role, "owner")));
  return new Map(rows.map((r) => [r.groupId, r.userId]));
}
