/**
 * `npm run bench:import`: a 100,000-row roster CSV through the app's import (exactly what the
 * worker runs), against the same rows loaded with COPY FROM STDIN (the server side of
 * `psql \copy`) in the same run. The ratio of the two is the figure that matters on a shared,
 * noisy machine; the absolute rates are extras.
 */
import { createReadStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { v7 } from "uuid";
import { getDb } from "@/db/client";
import { JOIN_SOURCES, makeNickname, pick, pickSome, REMARKS, seededRandom } from "@/db/seed-data";
import { suggestMapping } from "@/lib/members/import/fields";
import { readTable } from "@/lib/members/import/read";
import { parseTags, toImportRow } from "@/lib/members/import/rows";
import { runRosterImport } from "@/lib/members/importer/run";
import { uploadPath } from "@/lib/members/importer/store";
import { figure, makeBenchGroup, makeBenchWorkspace, progress, runBench, timed, withBenchDatabase, withTimeout } from "./lib";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const GROUP = "咖啡福利群";
const HEADERS = ["客户昵称", "手机号", "群名", "入群时间", "入群方式", "标签", "备注"];
const TAG_ITEMS = ["兴趣:咖啡", "兴趣:烘焙", "兴趣:生鲜", "兴趣:亲子", "生命周期:新客", "生命周期:活跃", "来源:门店", "来源:朋友圈", "VIP"];
/** The app import gets four minutes at most; far past the target either way. */
const IMPORT_LIMIT_MS = 240_000;
const PARSE_SAMPLE = 20_000;

type SourceRow = { nickname: string; phone: string; joinedAt: string; source: string; tags: string; remark: string };

/** Shanghai wall-clock "2026-10-01 10:00", as WeCom exports it. */
function wallClock(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

function makeRows(): SourceRow[] {
  const rand = seededRandom(20261123);
  const now = Date.now();
  const rows: SourceRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    // i ↦ i·7919 + c is a bijection on 0..1e9-1 (7919 is prime to 10), so phones never repeat.
    const phone = `1${pick(rand, ["3", "5", "8"])}${String((i * 7919 + 12345) % 1e9).padStart(9, "0")}`;
    rows.push({
      nickname: makeNickname(rand),
      phone,
      joinedAt: wallClock(now - Math.floor(rand() * 365 * 24 * 60) * 60_000),
      source: pick(rand, JOIN_SOURCES),
      tags: pickSome(rand, TAG_ITEMS, 1 + Math.floor(rand() * 3)).join(","),
      remark: rand() < 0.2 ? pick(rand, REMARKS) : "",
    });
  }
  return rows;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toCsv(rows: SourceRow[]): string {
  const lines = [HEADERS.join(",")];
  for (const r of rows) lines.push([r.nickname, r.phone, GROUP, r.joinedAt, r.source, r.tags, r.remark].map(csvCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

async function importThroughApp(sql: postgres.Sql, file: string) {
  const { workspaceId } = await makeBenchWorkspace(sql, "bench-import-app");
  await makeBenchGroup(sql, workspaceId, GROUP);
  const importId = v7();
  const target = uploadPath(workspaceId, importId);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(file, target);
  const mapping = suggestMapping(HEADERS);
  if (mapping.some((f) => f === null)) throw new Error(`unexpected mapping ${JSON.stringify(mapping)}`);
  const { size } = await stat(target);
  await sql`insert into roster_imports (workspace_id, id, filename, kind, size_bytes, mapping, status)
            values (${workspaceId}, ${importId}, 'roster.csv', 'csv', ${size}, ${sql.json(mapping)}, 'checked')`;
  const run = await timed(() => withTimeout("the app import", IMPORT_LIMIT_MS, runRosterImport(getDb(), { workspaceId, importId, mode: "apply" })));
  progress(`app import: ${JSON.stringify(run.result)} in ${(run.ms / 1000).toFixed(2)} s`);
  const [counts] = await sql<{ members: number; stays: number; tags: number; events: number }[]>`
    select (select count(*)::int from members where workspace_id = ${workspaceId}) as members,
           (select count(*)::int from group_memberships gm join members m on m.workspace_id = gm.workspace_id and m.id = gm.member_id
             where gm.workspace_id = ${workspaceId} and gm.left_at is null) as stays,
           (select count(*)::int from member_tags where workspace_id = ${workspaceId}) as tags,
           (select count(*)::int from events where workspace_id = ${workspaceId}) as events`;
  return { ms: run.ms, counts: counts! };
}

/** CSV for COPY: every value quoted, NULL as an unquoted empty field. */
function copyLine(values: (string | null)[]): string {
  return values.map((v) => (v === null ? "" : `"${v.replace(/"/g, '""')}"`)).join(",") + "\n";
}

async function copyInto(sql: postgres.TransactionSql, statement: string, lines: Iterable<string>) {
  const start = performance.now();
  const writable = await sql.unsafe(statement).writable();
  async function* chunks() {
    let chunk = "";
    for (const line of lines) {
      chunk += line;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), writable);
  progress(`  ${statement.split(" (")[0]}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
}

/** The baseline: the same rows into the same tables of a second workspace, with COPY. */
async function loadWithCopy(sql: postgres.Sql, rows: SourceRow[]) {
  const { workspaceId } = await makeBenchWorkspace(sql, "bench-import-copy");
  const groupId = await makeBenchGroup(sql, workspaceId, GROUP);
  const run = await timed(() =>
    sql.begin(async (tx) => {
      // Tags resolved once, up front, as a hand-written loader would.
      const wanted = new Map(rows.flatMap((r) => parseTags(r.tags)).map((t) => [`${t.group ?? ""}\u0000${t.name}`, t]));
      const tagGroupIds = new Map<string, string>();
      for (const g of new Set([...wanted.values()].map((t) => t.group).filter((g): g is string => !!g))) {
        const id = v7();
        await tx`insert into tag_groups (workspace_id, id, name) values (${workspaceId}, ${id}, ${g})`;
        tagGroupIds.set(g, id);
      }
      const tagIds = new Map<string, string>();
      for (const [key, t] of wanted) {
        const id = v7();
        await tx`insert into tags (workspace_id, id, tag_group_id, name) values (${workspaceId}, ${id}, ${t.group ? (tagGroupIds.get(t.group) ?? null) : null}, ${t.name})`;
        tagIds.set(key, id);
      }
      const memberIds = rows.map(() => v7());
      await copyInto(
        tx,
        "copy members (workspace_id, id, phone, nickname, remark, source) from stdin with (format csv)",
        rows.map((r, i) => copyLine([workspaceId, memberIds[i]!, r.phone, r.nickname, r.remark, r.source])),
      );
      await copyInto(
        tx,
        "copy group_memberships (workspace_id, id, group_id, member_id, joined_at, join_source) from stdin with (format csv)",
        rows.map((r, i) => copyLine([workspaceId, v7(), groupId, memberIds[i]!, `${r.joinedAt}:00+08`, r.source])),
      );
      await copyInto(
        tx,
        "copy member_tags (workspace_id, member_id, tag_id) from stdin with (format csv)",
        rows.flatMap((r, i) => parseTags(r.tags).map((t) => copyLine([workspaceId, memberIds[i]!, tagIds.get(`${t.group ?? ""}\u0000${t.name}`)!]))),
      );
    }),
  );
  const [counts] = await sql<{ members: number; stays: number; tags: number }[]>`
    select (select count(*)::int from members where workspace_id = ${workspaceId}) as members,
           (select count(*)::int from group_memberships where workspace_id = ${workspaceId}) as stays,
           (select count(*)::int from member_tags where workspace_id = ${workspaceId}) as tags`;
  progress(`copy baseline: ${JSON.stringify(counts)} in ${(run.ms / 1000).toFixed(2)} s`);
  return { ms: run.ms, counts: counts! };
}

/**
 * The CPU part of the import alone (read, decode, parse and check each row; no database), on
 * the first PARSE_SAMPLE rows, scaled to the whole file.
 */
async function parseOnly(file: string): Promise<number> {
  const mapping = suggestMapping(HEADERS);
  const sample = Math.min(ROWS, PARSE_SAMPLE);
  const run = await timed(async () => {
    let ok = 0;
    for await (const { rowNumber, cells } of readTable("csv", createReadStream(file))) {
      if (rowNumber === 1) continue;
      if (toImportRow(cells, mapping, rowNumber, { timeZone: "Asia/Shanghai" }).ok) ok++;
      if (rowNumber > sample) break;
    }
    return ok;
  });
  const ms = (run.ms * ROWS) / sample;
  progress(`parse only: ${run.result} rows in ${(run.ms / 1000).toFixed(2)} s, so about ${(ms / 1000).toFixed(1)} s for the file`);
  return ms;
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "qy-bench-import-"));
  process.env.QUNYUN_UPLOAD_DIR = path.join(dir, "uploads");
  try {
    const rows = makeRows();
    const file = path.join(dir, "roster.csv");
    await writeFile(file, toCsv(rows));
    progress(`${ROWS} rows written to ${file} (${((await stat(file)).size / 1e6).toFixed(1)} MB)`);

    await withBenchDatabase("import", async ({ sql }) => {
      const app = await importThroughApp(sql, file);
      progress(`after the app import: ${JSON.stringify(app.counts)}`);
      if (app.counts.members !== ROWS || app.counts.stays !== ROWS) throw new Error(`expected ${ROWS} members and stays, got ${JSON.stringify(app.counts)}`);
      const copy = await loadWithCopy(sql, rows);
      if (copy.counts.tags !== app.counts.tags) progress(`warning: tag links differ (app ${app.counts.tags}, copy ${copy.counts.tags})`);
      const parseMs = await parseOnly(file);

      figure("import_ratio_vs_copy", app.ms / copy.ms);
      figure("import_rows_imported", app.counts.stays);
      figure("import_rows_per_s", Math.round(ROWS / (app.ms / 1000)));
      figure("copy_rows_per_s", Math.round(ROWS / (copy.ms / 1000)));
      figure("import_s", app.ms / 1000);
      figure("copy_s", copy.ms / 1000);
      figure("import_parse_share_pct", Math.round((parseMs / app.ms) * 100));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

runBench(main);
