"use server";

import { workspaceAction } from "@/lib/action";
import { createColumn, deleteColumn, fillFromColumns, updateColumn } from "@/lib/content/columns-commands";
import { columnRefSchema, createColumnSchema, fillColumnsSchema, updateColumnSchema } from "@/lib/content/columns-schema";

const target = (columnId: string) => ({ targetType: "content_column", targetId: columnId });
const revalidate = "calendar";
const audited = (i: { name: string; weekday: number | null; timeOfDay: string; scope: { communityType: string | null; groupId: string | null } }) => ({
  name: i.name,
  weekday: i.weekday,
  time: i.timeOfDay,
  ...i.scope,
});

export const createColumnAction = workspaceAction(
  { role: "operator", schema: createColumnSchema, revalidate },
  ({ db, workspaceId }, fields) => createColumn(db, { workspaceId, fields }),
  (i, d) => ({ action: "content_column.create", ...target(d.columnId), data: audited(i) }),
);

export const updateColumnAction = workspaceAction(
  { role: "operator", schema: updateColumnSchema, revalidate },
  ({ db, workspaceId }, { columnId, ...fields }) => updateColumn(db, { workspaceId, columnId, fields }),
  (i) => ({ action: "content_column.update", ...target(i.columnId), data: audited(i) }),
);

export const deleteColumnAction = workspaceAction(
  { role: "operator", schema: columnRefSchema, revalidate },
  ({ db, workspaceId }, i) => deleteColumn(db, { workspaceId, columnId: i.columnId }),
  (i, d) => ({ action: "content_column.delete", ...target(i.columnId), data: { name: d.name } }),
);

export const fillFromColumnsAction = workspaceAction(
  { role: "operator", schema: fillColumnsSchema, revalidate },
  ({ db, workspaceId, session }, i) => fillFromColumns(db, { workspaceId, userId: session.user.id, ...i }),
  (i, d) => ({ action: "content_column.fill", targetType: "workspace", data: { groups: i.groupIds, from: i.from, to: i.to, ...d } }),
);
