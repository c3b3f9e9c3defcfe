import "server-only";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contentItems, contentVariants, uploads } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getContentUsage, usedVariantIds } from "./queries";
import type { ContentItemFields, VariantInput } from "./schema";

type Key = { workspaceId: string };

/** Images named by the form must be this workspace's uploads. */
async function assertOwnUploads(tx: Tx, workspaceId: string, variants: VariantInput[]) {
  const ids = [...new Set(variants.flatMap((v) => v.imageUploadIds))];
  if (ids.length === 0) return;
  const [row] = await tx.select({ n: count() }).from(uploads).where(and(eq(uploads.workspaceId, workspaceId), inArray(uploads.id, ids)));
  if (row?.n !== ids.length) throw new RuleError("contentErrors.uploadNotFound", "variants");
}

/** Only what the format shows is kept: a text item carries no stale link from an earlier edit. */
function variantRow(format: ContentItemFields["format"], v: VariantInput, position: number) {
  return {
    label: v.label,
    position,
    body: v.body,
    linkUrl: format === "link" ? v.linkUrl : null,
    miniProgramTitle: format === "mini_program" ? v.miniProgramTitle : null,
    miniProgramPath: format === "mini_program" ? v.miniProgramPath : null,
    imageUploadIds: format === "text" ? [] : format === "mini_program" ? v.imageUploadIds.slice(0, 1) : v.imageUploadIds,
    updatedAt: new Date(),
  };
}

export async function createContentItem(tx: Tx, input: Key & { userId: string; fields: ContentItemFields }) {
  const f = input.fields;
  await assertOwnUploads(tx, input.workspaceId, f.variants);
  const itemId = newId();
  await tx.insert(contentItems).values({ workspaceId: input.workspaceId, id: itemId, title: f.title, category: f.category, format: f.format, tags: f.tags, createdBy: input.userId });
  await tx.insert(contentVariants).values(f.variants.map((v, i) => ({ workspaceId: input.workspaceId, itemId, id: newId(), ...variantRow(f.format, v, i) })));
  return { itemId };
}

/**
 * Saves an item and its variants: variants keep their ids (posts point at them), new ones are
 * added, and a removed one is deleted unless a post or an SOP step uses it.
 */
export async function updateContentItem(tx: Tx, input: Key & { itemId: string; fields: ContentItemFields }) {
  const { workspaceId, itemId, fields: f } = input;
  const [item] = await tx
    .select({ id: contentItems.id, archivedAt: contentItems.archivedAt })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.id, itemId)))
    .for("update");
  if (!item) throw new NotFoundError();
  if (item.archivedAt) throw new RuleError("contentErrors.archived");
  await assertOwnUploads(tx, workspaceId, f.variants);
  const existing = await tx
    .select({ id: contentVariants.id })
    .from(contentVariants)
    .where(and(eq(contentVariants.workspaceId, workspaceId), eq(contentVariants.itemId, itemId)));
  const existingIds = new Set(existing.map((v) => v.id));
  const keptIds = f.variants.flatMap((v) => (v.id ? [v.id] : []));
  if (keptIds.some((id) => !existingIds.has(id))) throw new RuleError("contentErrors.variantNotFound", "variants");
  const removed = [...existingIds].filter((id) => !keptIds.includes(id));
  if (removed.length) {
    const used = await usedVariantIds(tx, { workspaceId, itemId });
    if (removed.some((id) => used.has(id))) throw new RuleError("contentErrors.variantInUse", "variants");
    await tx.delete(contentVariants).where(and(eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.id, removed)));
  }
  // Labels are unique per item: park the kept ones on temporary labels so "A"/"B" can swap.
  if (keptIds.length) {
    await tx
      .update(contentVariants)
      .set({ label: sql`'~' || ${contentVariants.id}` })
      .where(and(eq(contentVariants.workspaceId, workspaceId), eq(contentVariants.itemId, itemId), inArray(contentVariants.id, keptIds)));
  }
  const variantIds: string[] = [];
  for (const [i, v] of f.variants.entries()) {
    const row = variantRow(f.format, v, i);
    const id = v.id ?? newId();
    if (v.id) await tx.update(contentVariants).set(row).where(and(eq(contentVariants.workspaceId, workspaceId), eq(contentVariants.id, v.id)));
    else await tx.insert(contentVariants).values({ workspaceId, itemId, id, ...row });
    variantIds.push(id);
  }
  await tx
    .update(contentItems)
    .set({ title: f.title, category: f.category, format: f.format, tags: f.tags, updatedAt: new Date() })
    .where(and(eq(contentItems.workspaceId, workspaceId), eq(contentItems.id, itemId)));
  // The form learns the ids of variants it just added, so saving again updates them.
  return { itemId, variantIds };
}

/** Archived items stay for the posts that used them but leave every picker. */
export async function setContentArchived(tx: Tx, input: Key & { itemId: string; archived: boolean }) {
  const [row] = await tx
    .update(contentItems)
    .set({ archivedAt: input.archived ? new Date() : null, updatedAt: new Date() })
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.itemId)))
    .returning({ id: contentItems.id, title: contentItems.title });
  if (!row) throw new NotFoundError();
  return { itemId: row.id, title: row.title };
}

/** Deleting is for items nothing uses yet; anything a post, step or column uses is archived instead. */
export async function deleteContentItem(tx: Tx, input: Key & { itemId: string }) {
  const [item] = await tx
    .select({ id: contentItems.id, title: contentItems.title })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.itemId)))
    .for("update");
  if (!item) throw new NotFoundError();
  const usage = await getContentUsage(tx, input);
  if (usage.posts + usage.steps + usage.columns > 0) throw new RuleError("contentErrors.inUse");
  await tx.delete(contentItems).where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.itemId)));
  return { itemId: item.id, title: item.title };
}

/** A live (not archived) item of this workspace, or a field error on `field`. */
export async function assertLiveItem(tx: Tx, input: Key & { itemId: string; field: string }) {
  const [row] = await tx
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, input.workspaceId), eq(contentItems.id, input.itemId), isNull(contentItems.archivedAt)));
  if (!row) throw new RuleError("contentErrors.itemNotFound", input.field);
}
