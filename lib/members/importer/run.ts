import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { events, groupMemberships, groups, members, memberTags, rosterImportProblems, rosterImports } from "@/db/schema";
import { newId } from "@/lib/ids";
import { ensureTags } from "@/lib/members/commands";
import type { Mapping } from "@/lib/members/import/fields";
import { readTable } from "@/lib/members/import/read";
import { identityKey, toImportRow, type ImportRow, type RowProblem } from "@/lib/members/import/rows";
import { openUpload } from "./store";

const BATCH = 1000;

type Resolved = ImportRow & { groupId: string };
type ProblemRow = { rowNumber: number; column: string; problem: string; cells: string[] };

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
  const flush = async () => {
    await db.transaction(async (tx) => {
      if (mode === "apply" && good.length) {
        const r = await applyBatch(tx, workspaceId, good);
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

/** Write one batch of valid rows: members (found or created), open stays, join events and tags. */
export async function applyBatch(tx: Tx, workspaceId: string, batch: Resolved[]) {
  // The same person twice in one batch is written once (last row wins, as in a spreadsheet).
  const rows = [...new Map(batch.map((r) => [`${r.groupId}|${identityKey(r)}`, r])).values()];
  const memberIdOf = await findMembers(tx, workspaceId, rows);
  const missing = rows.filter((r) => !memberIdOf.has(personKey(r)));
  let created = 0;
  if (missing.length) {
    // Ids are chosen here so each new row maps back to its person without matching on names.
    const fresh = [...new Map(missing.map((r) => [personKey(r), { r, id: newId() }])).values()];
    const inserted = await tx
      .insert(members)
      .values(
        fresh.map(({ r, id }) => ({
          workspaceId,
          id,
          externalId: r.externalId,
          phone: r.phone,
          nickname: r.nickname ?? "",
          remark: r.remark ?? "",
          source: r.joinSource,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: members.id });
    created = inserted.length;
    const insertedIds = new Set(inserted.map((m) => m.id));
    for (const { r, id } of fresh) if (insertedIds.has(id)) memberIdOf.set(personKey(r), id);
    const again = await findMembers(tx, workspaceId, missing.filter((r) => !memberIdOf.has(personKey(r))));
    for (const [k, v] of again) memberIdOf.set(k, v);
  }
  const stays = rows
    .map((r) => ({ r, memberId: memberIdOf.get(personKey(r)) }))
    .filter((x): x is { r: Resolved; memberId: string } => !!x.memberId);
  if (stays.length) {
    const opened = await tx
      .insert(groupMemberships)
      .values(
        stays.map(({ r, memberId }) => ({
          workspaceId,
          id: newId(),
          groupId: r.groupId,
          memberId,
          joinedAt: r.joinedAt ?? new Date(),
          joinSource: r.joinSource,
          addedBy: r.addedBy,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: groupMemberships.id, memberId: groupMemberships.memberId, groupId: groupMemberships.groupId, joinedAt: groupMemberships.joinedAt });
    if (opened.length) {
      await tx
        .insert(events)
        .values(opened.map((s) => ({ workspaceId, id: newId(), kind: "join" as const, occurredAt: s.joinedAt, memberId: s.memberId, groupId: s.groupId, idempotencyKey: `join:${s.id}` })))
        .onConflictDoNothing();
    }
  }
  const tagged = stays.filter(({ r }) => r.tags.length);
  if (tagged.length) {
    const tagIds = await ensureTags(tx, workspaceId, tagged.flatMap(({ r }) => r.tags));
    const links = tagged.flatMap(({ r, memberId }) =>
      r.tags.map((t) => tagIds.get(`${t.group ?? ""}\u0000${t.name}`)).filter((id): id is string => !!id).map((tagId) => ({ workspaceId, memberId, tagId })),
    );
    if (links.length) await tx.insert(memberTags).values(links).onConflictDoNothing();
  }
  return { created };
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
    for (const m of await tx.select({ id: members.id, externalId: members.externalId }).from(members).where(and(live, inArray(members.externalId, ext)))) {
      found.set(`ext:${m.externalId}`, m.id);
    }
  }
  if (phones.length) {
    for (const m of await tx.select({ id: members.id, phone: members.phone }).from(members).where(and(live, inArray(members.phone, phones)))) {
      found.set(`phone:${m.phone}`, m.id);
    }
  }
  const byNick = rows.filter((r) => !r.externalId && !r.phone && r.nickname);
  for (const groupId of new Set(byNick.map((r) => r.groupId))) {
    const names = [...new Set(byNick.filter((r) => r.groupId === groupId).map((r) => r.nickname as string))];
    const hits = await tx
      .selectDistinctOn([members.nickname], { id: members.id, nickname: members.nickname })
      .from(members)
      .innerJoin(groupMemberships, and(eq(groupMemberships.workspaceId, members.workspaceId), eq(groupMemberships.memberId, members.id)))
      .where(and(live, eq(groupMemberships.groupId, groupId), inArray(members.nickname, names)));
    for (const m of hits) found.set(`nick:${groupId}:${m.nickname}`, m.id);
  }
  return found;
}
