import "server-only";
import { and, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { groupMemberships, members, memberTags } from "@/db/schema";

/** The WHERE of a member list; shared by the page, bulk tagging and export so they agree. */
/** Nickname, remark or phone containing q (via the trigram-indexed search_text), or the exact external id. */
export function memberSearch(q: string): SQL {
  const pattern = `%${q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
  return or(like(members.searchText, pattern), eq(members.externalId, q)) ?? sql`false`;
}

export type RecallLine = { below: number; silentDays: number };

export function memberWhere(workspaceId: string, f: { q?: string; tag?: string | null; group?: string | null; recall?: RecallLine | null }): SQL {
  const where: (SQL | undefined)[] = [eq(members.workspaceId, workspaceId), isNull(members.mergedIntoId)];
  if (f.q) where.push(memberSearch(f.q));
  if (f.tag) {
    where.push(sql`exists (select 1 from ${memberTags} mt where mt.workspace_id = ${members.workspaceId} and mt.member_id = ${members.id} and mt.tag_id = ${f.tag})`);
  }
  if (f.group) {
    where.push(
      sql`exists (select 1 from ${groupMemberships} gm where gm.workspace_id = ${members.workspaceId} and gm.member_id = ${members.id} and gm.group_id = ${f.group} and gm.left_at is null)`,
    );
  }
  if (f.recall) {
    // Same rule as dueForRecall in ./activity.ts.
    where.push(
      sql`(${members.activityScore} < ${f.recall.below} or ${members.lastActiveAt} is null or ${members.lastActiveAt} < now() - make_interval(days => ${f.recall.silentDays}))`,
    );
  }
  return and(...where) ?? sql`true`;
}
