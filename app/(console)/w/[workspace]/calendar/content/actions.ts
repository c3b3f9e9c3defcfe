"use server";

import { workspaceAction } from "@/lib/action";
import { createContentItem, deleteContentItem, setContentArchived, updateContentItem } from "@/lib/content/commands";
import { contentItemRefSchema, createContentItemSchema, updateContentItemSchema } from "@/lib/content/schema";

const target = (itemId: string) => ({ targetType: "content_item", targetId: itemId });
const revalidate = "calendar";

export const createContentItemAction = workspaceAction(
  { role: "operator", schema: createContentItemSchema, revalidate },
  ({ db, workspaceId, session }, fields) => createContentItem(db, { workspaceId, userId: session.user.id, fields }),
  (i, d) => ({ action: "content_item.create", ...target(d.itemId), data: { title: i.title, category: i.category, format: i.format, variants: i.variants.map((v) => v.label) } }),
);

export const updateContentItemAction = workspaceAction(
  { role: "operator", schema: updateContentItemSchema, revalidate },
  ({ db, workspaceId }, { itemId, ...fields }) => updateContentItem(db, { workspaceId, itemId, fields }),
  (i) => ({ action: "content_item.update", ...target(i.itemId), data: { title: i.title, category: i.category, format: i.format, variants: i.variants.map((v) => v.label) } }),
);

export const archiveContentItemAction = workspaceAction(
  { role: "operator", schema: contentItemRefSchema, revalidate },
  ({ db, workspaceId }, i) => setContentArchived(db, { workspaceId, itemId: i.itemId, archived: true }),
  (i, d) => ({ action: "content_item.archive", ...target(i.itemId), data: { title: d.title } }),
);

export const restoreContentItemAction = workspaceAction(
  { role: "operator", schema: contentItemRefSchema, revalidate },
  ({ db, workspaceId }, i) => setContentArchived(db, { workspaceId, itemId: i.itemId, archived: false }),
  (i, d) => ({ action: "content_item.restore", ...target(i.itemId), data: { title: d.title } }),
);

export const deleteContentItemAction = workspaceAction(
  { role: "operator", schema: contentItemRefSchema, revalidate },
  ({ db, workspaceId }, i) => deleteContentItem(db, { workspaceId, itemId: i.itemId }),
  (i, d) => ({ action: "content_item.delete", ...target(i.itemId), data: { title: d.title } }),
);
