import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { recordScan, routeAndRecord, routeAndRecordNewVisitors } from "./scan";

type TargetSpec = { name: string; qr?: boolean; expiresInMs?: number | null; startMembers?: number };

/** A live code written directly, with its targets in the given order. */
async function liveCode(label: string, capacity: number, targets: TargetSpec[]) {
  const sql = getSql();
  const { workspaceId } = await makeWorkspace(label);
  const liveCodeId = newId();
  const slug = `${label}-${randomBytes(4).toString("hex")}`;
  await sql`insert into live_codes (workspace_id, id, slug, name, channel, capacity) values (${workspaceId}, ${liveCodeId}, ${slug}, ${label}, '门店海报', ${capacity})`;
  await sql`insert into public_codes (code, workspace_id, kind, target_id) values (${slug}, ${workspaceId}, 'live_code', ${liveCodeId})`;
  const ids: Record<string, string> = {};
  for (const [position, t] of targets.entries()) {
    const groupId = newId();
    await sql`insert into groups (workspace_id, id, name, stage) values (${workspaceId}, ${groupId}, ${t.name}, 'active')`;
    let uploadId: string | null = null;
    if (t.qr !== false) {
      uploadId = newId();
      await sql`insert into uploads (workspace_id, id, storage_key, mime_type, size_bytes) values (${workspaceId}, ${uploadId}, ${randomBytes(16).toString("hex")}, 'image/png', 100)`;
    }
    const expires = t.expiresInMs === null ? null : new Date(Date.now() + (t.expiresInMs ?? 5 * 86_400_000)).toISOString();
    const id = newId();
    await sql`insert into live_code_targets (workspace_id, id, live_code_id, group_id, position, qr_upload_id, qr_expires_at, start_members)
              values (${workspaceId}, ${id}, ${liveCodeId}, ${groupId}, ${position}, ${uploadId}, ${expires}, ${t.startMembers ?? 0})`;
    ids[t.name] = id;
  }
  const state = async () => {
    const [row] = await sql<{ rows: number; counter: number; visitors: number; exhausted: boolean }[]>`
      select (select count(*)::int from live_code_scans where workspace_id = ${workspaceId} and live_code_id = ${liveCodeId}) as rows,
             (select scan_count::int from live_codes where workspace_id = ${workspaceId} and id = ${liveCodeId}) as counter,
             (select count(*)::int from live_code_visitors where workspace_id = ${workspaceId} and live_code_id = ${liveCodeId}) as visitors,
             (select exhausted_at is not null from live_codes where workspace_id = ${workspaceId} and id = ${liveCodeId}) as exhausted`;
    const filled = await sql<{ name: string; n: number }[]>`
      select g.name, t.assigned_count as n from live_code_targets t join groups g on g.workspace_id = t.workspace_id and g.id = t.group_id
      where t.workspace_id = ${workspaceId} and t.live_code_id = ${liveCodeId} order by t.position`;
    return { ...row!, filled: Object.fromEntries(filled.map((f) => [f.name, f.n])) };
  };
  return { workspaceId, liveCodeId, slug, ids, state };
}

const scan = (slug: string, visitorId: string | null = null) => recordScan(getDb(), { slug, visitorId, uaClass: "mobile", ipHash: null });
/** Without the process's queue per code, so up to the pool's ten scans reach Postgres at once, as from several web processes. */
const scanUnqueued = (slug: string) => routeAndRecord(getDb(), { slug, visitorId: null, uaClass: "mobile", ipHash: null });
const groupOf = (r: Awaited<ReturnType<typeof scan>>) => (r.found ? (r.target?.groupName ?? "full") : "not found");

describe("a scan routes, counts and records in one statement", () => {
  it("skips groups without a QR or with an expired one, counts the members a group already had, and turns nobody away while a seat is free under 200 concurrent scans from several processes", async () => {
    const code = await liveCode("rush", 10, [
      { name: "no QR", qr: false },
      { name: "nearly full", startMembers: 8 },
      { name: "expired", expiresInMs: -60_000 },
      { name: "fresh", expiresInMs: null },
    ]);
    const results = await Promise.all(Array.from({ length: 200 }, () => scanUnqueued(code.slug)));
    const tally = results.map(groupOf).reduce<Record<string, number>>((m, g) => ({ ...m, [g]: (m[g] ?? 0) + 1 }), {});
    expect(tally).toEqual({ "nearly full": 2, fresh: 10, full: 188 });
    expect(await code.state()).toEqual({ rows: 200, counter: 200, visitors: 12, exhausted: true, filled: { "no QR": 0, "nearly full": 2, expired: 0, fresh: 10 } });
    // Every visitor got their own cookie id.
    expect(new Set(results.map((r) => (r.found ? r.visitorId : ""))).size).toBe(200);
  });

  it("routes first-time visitors taken together in order, and stays exact when many such batches from several processes run at once", async () => {
    const code = await liveCode("batch", 20, [{ name: "A", startMembers: 2 }, { name: "B", expiresInMs: -1 }, { name: "C" }]);
    const input = { slug: code.slug, visitorId: null, uaClass: "wechat" as const, ipHash: null };
    const first = await routeAndRecordNewVisitors(getDb(), code.slug, Array.from({ length: 20 }, () => input));
    expect(first.map(groupOf)).toEqual([...Array<string>(18).fill("A"), "C", "C"]);
    const batches = await Promise.all(Array.from({ length: 40 }, () => routeAndRecordNewVisitors(getDb(), code.slug, Array.from({ length: 5 }, () => input))));
    const tally = batches.flat().map(groupOf).reduce<Record<string, number>>((m, g) => ({ ...m, [g]: (m[g] ?? 0) + 1 }), {});
    expect(tally).toEqual({ C: 18, full: 182 });
    expect(await code.state()).toEqual({ rows: 220, counter: 220, visitors: 38, exhausted: true, filled: { A: 18, B: 0, C: 20 } });
    // Through the process's queue, as the page does: a rush of first-time visitors at once.
    const rush = await Promise.all(Array.from({ length: 30 }, () => recordScan(getDb(), input)));
    expect(rush.every((r) => r.found && r.target === null)).toBe(true);
    expect((await code.state()).counter).toBe(250);
  });

  it("sends a returning visitor whose group's QR expired through the rule again, and counts them in their new group once", async () => {
    const code = await liveCode("comeback", 5, [{ name: "first" }, { name: "second" }]);
    const visit = await scan(code.slug);
    if (!visit.found) throw new Error("not found");
    expect(visit.target?.groupName).toBe("first");
    await getSql()`update live_code_targets set qr_expires_at = now() - interval '1 minute' where workspace_id = ${code.workspaceId} and id = ${code.ids.first!}`;
    expect(groupOf(await scan(code.slug, visit.visitorId))).toBe("second");
    expect(groupOf(await scan(code.slug, visit.visitorId))).toBe("second");
    expect(await code.state()).toEqual({ rows: 3, counter: 3, visitors: 1, exhausted: false, filled: { first: 1, second: 1 } });
    const returning = await getSql()<{ returning: boolean }[]>`
      select "returning" from live_code_scans where workspace_id = ${code.workspaceId} and live_code_id = ${code.liveCodeId} order by id`;
    expect(returning.map((r) => r.returning)).toEqual([false, false, true]);
  });

  it("finds nothing for an unknown code and records nothing", async () => {
    expect(await scan(`nope-${randomBytes(4).toString("hex")}`)).toEqual({ found: false });
  });
});
