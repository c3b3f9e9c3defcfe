import "server-only";
import { and, asc, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentColumns, contentItems, groups, type ContentCategory } from "@/db/schema";

export type ColumnRow = {
  id: string;
  name: string;
  category: ContentCategory;
  communityType: string | null;
  groupId: string | null;
  groupName: string | null;
  weekday: number | null;
  timeOfDay: string;
  contentItemId: string | null;
  contentItemTitle: string | null;
  contentItemArchived: boolean;
  notes: string;
};

/** Every column of the workspace with its group's name and its default item's title. */
export async function listColumns(db: DbOrTx, workspaceId: string): Promise<ColumnRow[]> {
  const rows = await db
    .select({
      id: contentColumns.id,
      name: contentColumns.name,
      category: contentColumns.category,
      communityType: contentColumns.communityType,
      groupId: contentColumns.groupId,
      groupName: groups.name,
      weekday: contentColumns.weekday,
      timeOfDay: contentColumns.timeOfDay,
      contentItemId: contentColumns.contentItemId,
      contentItemTitle: contentItems.title,
      contentItemArchivedAt: contentItems.archivedAt,
      notes: contentColumns.notes,
    })
    .from(contentColumns)
    .leftJoin(groups, and(eq(groups.workspaceId, contentColumns.workspaceId), eq(groups.id, contentColumns.groupId)))
    .leftJoin(contentItems, and(eq(contentItems.workspaceId, contentColumns.workspaceId), eq(contentItems.id, contentColumns.contentItemId)))
    .where(eq(contentColumns.workspaceId, workspaceId))
    .orderBy(asc(contentColumns.timeOfDay), asc(contentColumns.name));
  return rows.map(({ contentItemArchivedAt, ...r }) => ({ ...r, contentItemArchived: !!contentItemArchivedAt }));
}

export async function getColumn(db: DbOrTx, q: { workspaceId: string; columnId: string }): Promise<ColumnRow | null> {
  const all = await listColumns(db, q.workspaceId);
  return all.find((c) => c.id === q.columnId) ?? null;
}

/** Groups a column can belong to and the calendar can be filled for: not ended, not archived. */
export async function listColumnGroups(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: groups.id, name: groups.name, communityType: groups.communityType })
    .from(groups)
    .where(and(eq(groups.workspaceId, workspaceId), notInArray(groups.stage, ["ended", "archived"])))
    .orderBy(asc(groups.name));
}
