import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { groupMemberships, groups, members, rosterImportProblems, rosterImports } from "@/db/schema";
import { newId } from "@/lib/ids";
import { ensureTags } from "@/lib/members/commands";
import type { Mapping } from "@/lib/members/import/fields";
import { readTable } from "@/lib/members/import/read";
import { identityKey, toImportRow, type ImportRow, type RowProblem, type Tag } from "@/lib/members/import/rows";
import { openUpload } from "./store";

const BATCH = 1000;

type ProblemRow = { rowNumber: number; column: string; problem: string; cells: string[] };
type Resolved = ImportRow & { groupId: string };

/**
 * Tag ids by `group\0name`, kept for one run so each tag is ensured once, not per batch. A
 * failed batch ends the run, so no id from a rolled-back transaction outlives it.
 */
type TagIdCache = Map<string, string>;

type Stay = { r: Resolved; memberId: string };

/**
 * Read the stored file and either check it (mode "check": count rows and problems, write no
 * member) or import it (mode "apply"). Rows are written in batches of 1,000, each batch in its
 * own transaction; every write is keyed (member identity, open stay, tag) so that running the
 * same file again, or resuming after a crash, adds nothing twice. Progress is saved per batch.
 */
export async function runRosterImport(db: Db, input: { workspaceId: string; importId: string; mode: "check" | "apply" }) {
  const { workspaceId, importId, mode } = input;
  const key = and(eq(rosterImports.workspaceId, workspaceId), eq(rosterImports.id, importId));
  const [job] = await db.select().from(rosterImports).where(key);
  if (!job || !job.mapping) throw new Error(`import ${importId} not found or not mapped`);
  const mapping = job.mapping as Mapping;
  const groupIdByName = new Map(
    (await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.workspaceId, workspaceId))).map((g) => [g.name, g.id]),
  );
  const [workspace] = await db.execute<{ time_zone: string }>(sql`select time_zone from workspaces where id = ${workspaceId}`);
  const timeZone = workspace?.time_zone ?? "Asia/Shanghai";

  await db.delete(rosterImportProblems).where(and(eq(rosterImportProblems.workspaceId, workspaceId), eq(rosterImportProblems.importId, importId)));
  await db.update(rosterImports).set({ status: mode === "check" ? "checking" : "importing", processedRows: 0, importedRows: 0, skippedRows: 0, error: null }).where(key);

  const totals = { processed: 0, imported: 0, skipped: 0, created: 0 };
  let good: Resolved[] = [];
  let bad: ProblemRow[] = [];
  const tagIds: TagIdCache = new Map();
  const flush = async () => {
    await db.transaction(async (tx) => {
      if (mode === "apply" && good.length) {
        const r = await applyBatch(tx, workspaceId, good, tagIds);
        totals.created += r.created;
      }
      if (bad.length) await tx.insert(rosterImportProblems).values(bad.map((p) => ({ workspaceId, importId, ...p }))).onConflictDoNothing();
      await tx
        .update(rosterImports)
        .set({ processedRows: totals.processed, importedRows: totals.imported, skippedRows: totals.skipped, createdMembers: totals.created })
        .where(key);
    });
    good = [];
    bad = [];
  };

  try {
    let header = true;
    for await (const { rowNumber, cells } of readTable(job.kind as "csv" | "xlsx", openUpload(workspaceId, importId))) {
      if (header) {
        header = false;
        continue;
      }
      totals.processed++;
      const result = toImportRow(cells, mapping, rowNumber, { timeZone });
      const problems: RowProblem[] = result.ok ? [] : result.problems;
      const groupId = result.ok ? (job.groupId ?? (result.row.groupName ? groupIdByName.get(result.row.groupName) : undefined)) : undefined;
      if (result.ok && !groupId) problems.push({ rowNumber, column: "groupName", problem: "group_unknown" as RowProblem["problem"] });
      if (problems.length || !result.ok || !groupId) {
        totals.skipped++;
        for (const p of problems) bad.push({ rowNumber, column: p.column ?? "", problem: p.problem, cells });
      } else {
        totals.imported++;
        good.push({ ...result.row, groupId });
      }
      if (good.length + bad.length >= BATCH) await flush();
    }
    await flush();
    await db
      .update(rosterImports)
      .set({ status: mode === "check" ? "checked" : "done", totalRows: totals.processed, finishedAt: mode === "apply" ? new Date() : null })
      .where(key);
  } catch (error) {
    await db.update(rosterImports).set({ status: "failed", error: error instanceof Error ? error.message.slice(0, 500) : "failed" }).where(key);
    throw error;
  }
  return totals;
}

/*
 * Rows go to PostgreSQL as one array parameter per column, spread by unnest(), instead of
 * drizzle's multi-row insert(): building a 1,000-row values() statement cost drizzle ~60 ms,
 * a third of the import. The statements stay unnamed (drizzle's execute() does not prepare),
 * so each is planned for the table as it is now; a cached generic plan made while the table
 * was small went quadratic.
 */
const list = (values: (string | null)[]) => sql.param(values);

const tagKey = (t: Tag) => `${t.group ?? ""}\u0000${t.name}`;

/** Write one batch of valid rows: members (found or created), open stays, join events and tags. */
export async function applyBatch(tx: Tx, workspaceId: string, batch: Resolved[], tagIds: TagIdCache = new Map()) {
  // The same person twice in one batch is written once (last row wins, as in a spreadsheet).
  const rows = [...new Map(batch.map((r) => [`${r.groupId}|${identityKey(r)}`, r])).values()];
  const memberIdOf = await findMembers(tx, workspaceId, rows);
  const missing = rows.filter((r) => !memberIdOf.has(personKey(r)));
  const created = missing.length ? await createMembers(tx, workspaceId, missing, memberIdOf) : 0;
  const stays = rows.map((r) => ({ r, memberId: memberIdOf.get(personKey(r)) })).filter((x): x is Stay => !!x.memberId);
  if (stays.length) await openStays(tx, workspaceId, stays);
  const tagged = stays.filter(({ r }) => r.tags.length);
  if (tagged.length) await linkTags(tx, workspaceId, tagged, tagIds);
  return { created };
}

/**
 * Insert the members no lookup found, recording their ids in memberIdOf. Ids are chosen here
 * so each new row maps back to its person without matching on names. A row whose insert hit a
 * unique key (another import won the race, or another new row has the same phone) is looked
 * up again.
 */
async function createMembers(tx: Tx, workspaceId: string, missing: Resolved[], memberIdOf: Map<string, string>): Promise<number> {
  const fresh = [...new Map(missing.map((r) => [personKey(r), { r, id: newId() }])).values()];
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into members (workspace_id, id, external_id, phone, nickname, remark, source)
    select ${workspaceId}::uuid, u.id, u.external_id, u.phone, u.nickname, u.remark, u.source
    from unnest(
      ${list(fresh.map((f) => f.id))}::uuid[], ${list(fresh.map((f) => f.r.externalId))}::text[],
      ${list(fresh.map((f) => f.r.phone))}::text[], ${list(fresh.map((f) => f.r.nickname ?? ""))}::text[],
      ${list(fresh.map((f) => f.r.remark ?? ""))}::text[], ${list(fresh.map((f) => f.r.joinSource))}::text[]
    ) as u(id, external_id, phone, nickname, remark, source)
    on conflict do nothing
    returning id`);
  const insertedIds = new Set(inserted.map((m) => m.id));
  for (const { r, id } of fresh) if (insertedIds.has(id)) memberIdOf.set(personKey(r), id);
  const again = await findMembers(tx, workspaceId, missing.filter((r) => !memberIdOf.has(personKey(r))));
  for (const [k, v] of again) memberIdOf.set(k, v);
  return inserted.length;
}

/**
 * Open a stay per row and, for each stay actually opened (not already open), its join event,
 * keyed `join:<stay id>`, in the same statement.
 */
async function openStays(tx: Tx, workspaceId: string, stays: Stay[]) {
  const now = new Date();
  // Join times go as ISO text: drizzle's postgres.js driver sends timestamptz values untouched,
  // which a Date inside an array parameter does not survive.
  await tx.execute(sql`
    with input as (
      select * from unnest(
        ${list(stays.map(() => newId()))}::uuid[], ${list(stays.map(() => newId()))}::uuid[], ${list(stays.map((s) => s.r.groupId))}::uuid[],
        ${list(stays.map((s) => s.memberId))}::uuid[], ${list(stays.map((s) => (s.r.joinedAt ?? now).toISOString()))}::text[],
        ${list(stays.map((s) => s.r.joinSource))}::text[], ${list(stays.map((s) => s.r.addedBy))}::text[]
      ) as u(id, event_id, group_id, member_id, joined_at, join_source, added_by)
    ), opened as (
      insert into group_memberships (workspace_id, id, group_id, member_id, joined_at, join_source, added_by)
      select ${workspaceId}::uuid, id, group_id, member_id, joined_at::timestamptz, join_source, added_by from input
      on conflict do nothing
      returning id, group_id, member_id, joined_at
    )
    insert into events (workspace_id, id, kind, occurred_at, member_id, group_id, idempotency_key)
    select ${workspaceId}::uuid, input.event_id, 'join', opened.joined_at, opened.member_id, opened.group_id, 'join:' || opened.id
    from opened join input on input.id = opened.id
    on conflict do nothing`);
}

/** Link each member to its tags, creating only the tags this run has not met yet. */
async function linkTags(tx: Tx, workspaceId: string, tagged: Stay[], tagIds: TagIdCache) {
  const unseen = tagged.flatMap(({ r }) => r.tags).filter((t) => !tagIds.has(tagKey(t)));
  if (unseen.length) for (const [k, id] of await ensureTags(tx, workspaceId, unseen)) tagIds.set(k, id);
  const links = tagged.flatMap(({ r, memberId }) =>
    r.tags.map((t) => tagIds.get(tagKey(t))).filter((id): id is string => !!id).map((tagId) => ({ memberId, tagId })),
  );
  if (!links.length) return;
  await tx.execute(sql`
    insert into member_tags (workspace_id, member_id, tag_id)
    select ${workspaceId}::uuid, u.member_id, u.tag_id
    from unnest(${list(links.map((l) => l.memberId))}::uuid[], ${list(links.map((l) => l.tagId))}::uuid[]) as u(member_id, tag_id)
    on conflict do nothing`);
}

/** How imports recognise a person: WeCom external id, else phone, else nickname within the group. */
function personKey(r: Resolved): string {
  return r.externalId ? `ext:${r.externalId}` : r.phone ? `phone:${r.phone}` : `nick:${r.groupId}:${r.nickname ?? ""}`;
}

async function findMembers(tx: Tx, workspaceId: string, rows: Resolved[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const live = and(eq(members.workspaceId, workspaceId), isNull(members.mergedIntoId));
  const ext = [...new Set(rows.map((r) => r.externalId).filter((v): v is string => !!v))];
  const phones = [...new Set(rows.filter((r) => !r.externalId && r.phone).map((r) => r.phone as string))];
  if (ext.length) {
    const hits = await tx.select({ id: members.id, externalId: members.externalId }).from(members).where(and(live, sql`${members.externalId} = any(${list(ext)}::text[])`));
    for (const m of hits) found.set(`ext:${m.externalId}`, m.id);
  }
  if (phones.length) {
    const hits = await tx.select({ id: members.id, phone: members.phone }).from(members).where(and(live, sql`${members.phone} = any(${list(phones)}::text[])`));
    for (const m of hits) found.set(`phone:${m.phone}`, m.id);
  }
  const byNick = rows.filter((r) => !r.externalId && !r.phone && r.nickname);
  for (const groupId of new Set(byNick.map((r) => r.groupId))) {
    const names = [...new Set(byNick.filter((r) => r.groupId === groupId).map((r) => r.nickname as string))];
    const hits = await tx
      .selectDistinctOn([members.nickname], { id: members.id, nickname: members.nickname })
      .from(members)
      .innerJoin(groupMemberships, and(eq(groupMemberships.workspaceId, members.workspaceId), eq(groupMemberships.memberId, members.id)))
      .where(and(live, eq(groupMemberships.groupId, groupId), sql`${members.nickname} = any(${list(names)}::text[])`))
      // Two people sharing a nickname in one group: always the earliest record, so re-runs agree.
      .orderBy(members.nickname, members.createdAt, members.id);
    for (const m of hits) found.set(`nick:${groupId}:${m.nickname}`, m.id);
  }
  return found;
}
