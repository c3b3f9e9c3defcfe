import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { PostChannel } from "@/db/schema";
import { transitionPosts } from "@/lib/calendar/status";
import { handOff } from "./handoff";

/** A post more than this late when the worker first sees it was missed (server down): it is marked late. */
export const LATE_GRACE_MS = 120_000;

export type DueOptions = {
  batchSize?: number;
  graceMs?: number;
  /** Stop starting new batches after this long; the next tick continues. */
  budgetMs?: number;
  /** Only these workspaces (tests share one database); all when absent. */
  workspaceIds?: string[];
  /** Called after each committed batch that queued webhook deliveries (wakes the sender). */
  onDeliveries?: () => void;
};

type Candidate = { workspace_id: string; id: string; channel: PostChannel; late: boolean };

/**
 * Makes every scheduled post whose time has come due, in batches: each batch locks its posts
 * with SKIP LOCKED (so two workers split the work instead of waiting on each other), moves them
 * through transitionPosts (history rows, dueAt, late) and hands them to their channel, all in one
 * transaction. Posts missed while no worker ran are caught up the same way, marked late.
 */
export async function markDuePosts(db: Db, opts: DueOptions = {}): Promise<{ due: number; late: number; deliveries: number }> {
  const batchSize = opts.batchSize ?? 1000;
  const graceS = (opts.graceMs ?? LATE_GRACE_MS) / 1000;
  const started = Date.now();
  const total = { due: 0, late: 0, deliveries: 0 };
  const scope = opts.workspaceIds ? sql`and workspace_id in ${opts.workspaceIds}` : sql``;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const candidates = await tx.execute<Candidate>(sql`
        select workspace_id, id, channel, scheduled_at < now() - make_interval(secs => ${graceS}) as late
        from posts
        where status = 'scheduled' and scheduled_at <= now() ${scope}
        order by scheduled_at
        limit ${batchSize}
        for update skip locked`);
      let deliveries = 0;
      let due = 0;
      let late = 0;
      const groups = new Map<string, Candidate[]>();
      for (const c of candidates) groups.set(`${c.workspace_id}|${c.late}`, [...(groups.get(`${c.workspace_id}|${c.late}`) ?? []), c]);
      for (const rows of groups.values()) {
        const { workspace_id: workspaceId, late: isLate } = rows[0]!;
        const moved = await transitionPosts(tx, {
          workspaceId,
          postIds: rows.map((r) => r.id),
          to: "due",
          actorUserId: null,
          note: isLate ? "late" : "",
          // The database's clock, as for scheduled_at <= now(): workers on other machines may drift.
          // transitionPosts types `set` as plain values, but drizzle's update accepts SQL there.
          set: { dueAt: sql`now()` as unknown as Date, late: isLate },
        });
        const movedIds = new Set(moved.map((m) => m.id));
        due += moved.length;
        if (isLate) late += moved.length;
        deliveries += await handOff(tx, workspaceId, rows.filter((r) => movedIds.has(r.id)).map((r) => ({ id: r.id, channel: r.channel })));
      }
      return { seen: candidates.length, due, late, deliveries };
    });
    total.due += batch.due;
    total.late += batch.late;
    total.deliveries += batch.deliveries;
    if (batch.deliveries) opts.onDeliveries?.();
    if (batch.seen < batchSize || Date.now() - started > (opts.budgetMs ?? 20_000)) return total;
  }
}
