import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems, contentVariants, type ContentCategory, type ContentFormat } from "@/db/schema";

export type ContentOption = {
  id: string;
  title: string;
  category: ContentCategory;
  format: ContentFormat;
  variants: { id: string; label: string }[];
};

/** The library's live items with their variants, for pickers (SOP steps, posts, columns). */
export async function listContentOptions(db: DbOrTx, workspaceId: string): Promise<ContentOption[]> {
  const rows = await db
    .select({
      id: contentItems.id,
      title: contentItems.title,
      category: contentItems.category,
      format: contentItems.format,
      variantId: contentVariants.id,
      variantLabel: contentVariants.label,
    })
    .from(contentItems)
    .leftJoin(contentVariants, and(eq(contentVariants.workspaceId, contentItems.workspaceId), eq(contentVariants.itemId, contentItems.id)))
    .where(and(eq(contentItems.workspaceId, workspaceId), isNull(contentItems.archivedAt)))
    .orderBy(asc(contentItems.title), asc(contentVariants.position));
  const byId = new Map<string, ContentOption>();
  for (const r of rows) {
    const item = byId.get(r.id) ?? { id: r.id, title: r.title, category: r.category, format: r.format, variants: [] };
    if (r.variantId && r.variantLabel) item.variants.push({ id: r.variantId, label: r.variantLabel });
    byId.set(r.id, item);
  }
  return [...byId.values()];
}
