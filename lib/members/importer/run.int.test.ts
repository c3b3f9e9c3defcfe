import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groupMemberships, groups, members, memberTags, rosterImports } from "@/db/schema";
import { newId } from "@/lib/ids";
import { suggestMapping } from "@/lib/members/import/fields";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { listImportProblems } from "./queries";
import { runRosterImport } from "./run";
import { uploadPath } from "./store";

afterAll(closeDb);

const CSV = [
  "客户名称,手机号,外部联系人ID,群名,入群时间,入群方式,标签,备注",
  "小雨,13800138000,,咖啡群,2026-10-01 10:00,扫码,\"兴趣:咖啡,VIP\",老客",
  "阿杰,,wmAAA1,咖啡群,2026/10/02 11:30,邀请,兴趣:茶,",
  "王姐,,,咖啡群,2026-10-03,扫码,,只有昵称",
  ",,,咖啡群,2026-10-04,扫码,,没有身份",
  "坏号码,12345,,咖啡群,2026-10-05,扫码,,",
  "坏日期,13900139000,,咖啡群,昨天下午,扫码,,",
  "陌生群,13700137000,,不存在的群,2026-10-06,扫码,,",
].join("\n");

async function stage(workspaceId: string, groupId: string | null) {
  const importId = newId();
  const file = uploadPath(workspaceId, importId);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "\uFEFF" + CSV);
  const headers = CSV.split("\n")[0]!.split(",");
  await getDb().insert(rosterImports).values({ workspaceId, id: importId, filename: "roster.csv", kind: "csv", sizeBytes: CSV.length, mapping: suggestMapping(headers), groupId });
  return importId;
}

async function counts(workspaceId: string) {
  const one = async (table: typeof members | typeof groupMemberships | typeof memberTags) =>
    (await getDb().select({ n: count() }).from(table).where(eq(table.workspaceId, workspaceId)))[0]?.n;
  return { members: await one(members), stays: await one(groupMemberships), tags: await one(memberTags) };
}

describe("roster import", () => {
  it("imports the good rows, reports the bad ones by row and column, and changes nothing the second time", async () => {
    const ws = await makeWorkspace("import");
    await getDb().insert(groups).values({ workspaceId: ws.workspaceId, id: newId(), name: "咖啡群", stage: "active" });

    const first = await stage(ws.workspaceId, null);
    const checked = await runRosterImport(getDb(), { workspaceId: ws.workspaceId, importId: first, mode: "check" });
    expect(checked).toMatchObject({ processed: 7, imported: 3, skipped: 4 });
    expect(await counts(ws.workspaceId)).toEqual({ members: 0, stays: 0, tags: 0 });

    const applied = await runRosterImport(getDb(), { workspaceId: ws.workspaceId, importId: first, mode: "apply" });
    expect(applied).toMatchObject({ processed: 7, imported: 3, skipped: 4, created: 3 });
    expect(await counts(ws.workspaceId)).toEqual({ members: 3, stays: 3, tags: 3 });
    const problems = await listImportProblems(getDb(), { workspaceId: ws.workspaceId, importId: first });
    expect(problems.map((p) => [p.rowNumber, p.column, p.problem])).toEqual([
      [5, "", "no_identity"],
      [6, "phone", "phone_invalid"],
      [7, "joinedAt", "date_invalid"],
      [8, "groupName", "group_unknown"],
    ]);
    const [job] = await getDb().select().from(rosterImports).where(and(eq(rosterImports.workspaceId, ws.workspaceId), eq(rosterImports.id, first)));
    expect(job).toMatchObject({ status: "done", totalRows: 7, importedRows: 3, skippedRows: 4, createdMembers: 3 });
    const [xiaoyu] = await getDb().select().from(members).where(and(eq(members.workspaceId, ws.workspaceId), eq(members.phone, "13800138000")));
    expect(xiaoyu).toMatchObject({ nickname: "小雨", remark: "老客", source: "扫码" });

    const again = await stage(ws.workspaceId, null);
    expect(await runRosterImport(getDb(), { workspaceId: ws.workspaceId, importId: again, mode: "apply" })).toMatchObject({ imported: 3, created: 0 });
    expect(await counts(ws.workspaceId)).toEqual({ members: 3, stays: 3, tags: 3 });
  });

  it("writes only to its own workspace, into the chosen group", async () => {
    const ws = await makeWorkspace("import-target");
    const other = await makeWorkspace("import-bystander");
    const groupId = newId();
    await getDb().insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: "目标群", stage: "active" });
    await getDb().insert(groups).values({ workspaceId: other.workspaceId, id: newId(), name: "咖啡群", stage: "active" });
    const importId = await stage(ws.workspaceId, groupId);
    expect(await runRosterImport(getDb(), { workspaceId: ws.workspaceId, importId, mode: "apply" })).toMatchObject({ imported: 4, skipped: 3 });
    expect(await counts(other.workspaceId)).toEqual({ members: 0, stays: 0, tags: 0 });
    const stays = await getDb().select().from(groupMemberships).where(eq(groupMemberships.workspaceId, ws.workspaceId));
    expect(new Set(stays.map((s) => s.groupId))).toEqual(new Set([groupId]));
  });
});
