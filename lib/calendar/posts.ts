import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { experiments, postHistory, posts } from "@/db/schema";
import { applyExperiment } from "@/lib/experiments/commands";
import { newId } from "@/lib/ids";

export type NewPost = Omit<typeof posts.$inferInsert, "id" | "workspaceId" | "version" | "createdAt" | "updatedAt"> & { id?: string };

/**
 * Inserts posts (scheduled unless a status is given) with their first history row, in batches
 * so a month of an SOP for fifty groups is a handful of statements. Returns the new ids.
 */
export async function createPosts(db: DbOrTx, workspaceId: string, rows: NewPost[], actorUserId: string | null, note = ""): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map((r) => ({ ...r, id: r.id ?? newId(), workspaceId, status: r.status ?? "scheduled", createdBy: r.createdBy ?? actorUserId }));
    await db.insert(posts).values(batch);
    await db.insert(postHistory).values(batch.map((p) => ({ workspaceId, postId: p.id, id: newId(), fromStatus: null, toStatus: p.status, actorUserId, note })));
    ids.push(...batch.map((p) => p.id));
  }
  // A post of an item under an A/B test takes the variant its group (and week) was assigned.
  const items = [...new Set(rows.flatMap((r) => (r.contentItemId ? [r.contentItemId] : [])))];
  if (items.length) {
    const running = await db
      .select({ id: experiments.id })
      .from(experiments)
      .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.status, "running"), inArray(experiments.contentItemId, items)));
    for (const e of running) await applyExperiment(db, { workspaceId, experimentId: e.id });
  }
  return ids;
}
