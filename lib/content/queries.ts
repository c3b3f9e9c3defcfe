import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentColumns, contentItems, contentVariants, posts, sopSteps, type ContentCategory, type ContentFormat } from "@/db/schema";
import type { ContentFilters } from "./schema";

export const PAGE_SIZE = 50;

export type ContentVariant = {
  id: string;
  label: string;
  body: string;
  linkUrl: string | null;
  miniProgramTitle: string | null;
  miniProgramPath: string | null;
  imageUploadIds: string[];
};

export type ContentItem = {
  id: string;
  title: string;
  category: ContentCategory;
  format: ContentFormat;
  tags: string[];
  archivedAt: Date | null;
  updatedAt: Date;
  variants: ContentVariant[];
};

// Subqueries name content_items' columns in full: drizzle renders a single-table select's
// columns unqualified, which inside `from content_variants v` would mean v's own columns.

/** `%` and `_` typed by a user are letters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterWhere(workspaceId: string, f: ContentFilters): SQL {
  const where: SQL[] = [eq(contentItems.workspaceId, workspaceId), f.archived ? isNotNull(contentItems.archivedAt) : isNull(contentItems.archivedAt)];
  if (f.category) where.push(eq(contentItems.category, f.category));
  if (f.format) where.push(eq(contentItems.format, f.format));
  if (f.tag) where.push(sql`${f.tag} = any(${contentItems.tags})`);
  if (f.q) {
    const p = likePattern(f.q);
    where.push(
      sql`(${contentItems.title} ilike ${p} or array_to_string(${contentItems.tags}, ' ') ilike ${p} or exists (
        select 1 from ${contentVariants} v where v.workspace_id = content_items.workspace_id and v.item_id = content_items.id and v.body ilike ${p}))`,
    );
  }
  return and(...where)!;
}

/** One page of the library, newest edits first, each item with its variants' labels. */
export async function listContentItems(db: DbOrTx, q: { workspaceId: string; filters: ContentFilters }) {
  const where = filterWhere(q.workspaceId, q.filters);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: contentItems.id,
        title: contentItems.title,
        category: contentItems.category,
        format: contentItems.format,
        tags: contentItems.tags,
        archivedAt: contentItems.archivedAt,
        updatedAt: contentItems.updatedAt,
        variantLabels: sql<string[]>`coalesce((select array_agg(v.label order by v.position) from ${contentVariants} v where v.workspace_id = content_items.workspace_id and v.item_id = content_items.id), '{}')`,
      })
      .from(contentItems)
      .where(where)
      .orderBy(desc(contentItems.updatedAt), asc(contentItems.id))
      .limit(PAGE_SIZE)
      .offset((q.filters.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(contentItems).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every tag the library uses, for the tag filter and the form's suggestions. */
export async function listContentTags(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db.execute<{ tag: string }>(
    sql`select distinct unnest(${contentItems.tags}) as tag from ${contentItems} where ${contentItems.workspaceId} = ${workspaceId} order by 1 limit 500`,
  );
  return [...rows].map((r) => r.tag);
}

export async function getContentItem(db: DbOrTx, q: { workspaceId: string; itemId: string }): Promise<ContentItem | null> {
  const [item] = await db
    .select({
      id: contentItems.id,
      title: contentItems.title,
      category: contentItems.category,
      format: contentItems.format,
      tags: contentItems.tags,
      archivedAt: contentItems.archivedAt,
      updatedAt: contentItems.updatedAt,
    })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, q.workspaceId), eq(contentItems.id, q.itemId)));
  if (!item) return null;
  const variants = await db
    .select({
      id: contentVariants.id,
      label: contentVariants.label,
      body: contentVariants.body,
      linkUrl: contentVariants.linkUrl,
      miniProgramTitle: contentVariants.miniProgramTitle,
      miniProgramPath: contentVariants.miniProgramPath,
      imageUploadIds: contentVariants.imageUploadIds,
    })
    .from(contentVariants)
    .where(and(eq(contentVariants.workspaceId, q.workspaceId), eq(contentVariants.itemId, q.itemId)))
    .orderBy(asc(contentVariants.position), asc(contentVariants.label));
  return { ...item, variants };
}

export type ContentUsage = { posts: number; steps: number; columns: number };

/** Where an item is used: posts, SOP steps and columns keep it from being deleted. */
export async function getContentUsage(db: DbOrTx, q: { workspaceId: string; itemId: string }): Promise<ContentUsage> {
  const [[p], [s], [c]] = await Promise.all([
    db.select({ n: count() }).from(posts).where(and(eq(posts.workspaceId, q.workspaceId), eq(posts.contentItemId, q.itemId))),
    db.select({ n: count() }).from(sopSteps).where(and(eq(sopSteps.workspaceId, q.workspaceId), eq(sopSteps.contentItemId, q.itemId))),
    db.select({ n: count() }).from(contentColumns).where(and(eq(contentColumns.workspaceId, q.workspaceId), eq(contentColumns.contentItemId, q.itemId))),
  ]);
  return { posts: p?.n ?? 0, steps: s?.n ?? 0, columns: c?.n ?? 0 };
}

/** How many posts and steps use each variant of an item (a used variant cannot be removed). */
export async function usedVariantIds(db: DbOrTx, q: { workspaceId: string; itemId: string }): Promise<Set<string>> {
  const rows = await db.execute<{ id: string }>(sql`
    select variant_id as id from ${posts} where workspace_id = ${q.workspaceId} and content_item_id = ${q.itemId} and variant_id is not null
    union
    select variant_id from ${sopSteps} where workspace_id = ${q.workspaceId} and content_item_id = ${q.itemId} and variant_id is not null`);
  return new Set([...rows].map((r) => r.id));
}
