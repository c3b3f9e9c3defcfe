import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groupMemberships, groups } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { getGroup, listGroups, listRoster } from "@/lib/groups/queries";
import { listPlans } from "@/lib/positioning/queries";
import { groupFiltersSchema, rosterFiltersSchema } from "@/lib/groups/schema";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createPlanAction } = await import("../positioning/actions");
const { addRosterMemberAction, bulkStageAction, changeRosterRoleAction, createGroupAction, removeFromRosterAction, updateGroupAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
};
const baseFields = { name: "周末快闪群", communityType: "", positioningId: "", stage: "planned", plannedEnd: "", entryThreshold: "", capacity: "200", ownerUserId: "", externalChatId: "", notes: "" };

describe("groups", () => {
  it("built from a flash plan inherit its type, threshold and end date", async () => {
    const ws = await makeWorkspace("from-plan");
    current.session = await sessionFor(ws.operator);
    const plan = await createPlanAction(ws.workspaceId, null, { name: "体验课快闪", starter: "education" });
    if (!plan.ok) throw new Error(plan.error);
    const created = await createGroupAction(ws.workspaceId, null, form({ ...baseFields, positioningId: plan.data.planId, ownerUserId: ws.owner.id, adminUserIds: [ws.operator.id] }));
    expect(created.ok).toBe(true);
    const g = created.ok ? await getGroup(getDb(), { workspaceId: ws.workspaceId, groupId: created.data.groupId }) : null;
    expect(g).toMatchObject({ communityType: "flash", entryThreshold: "paid", plannedEnd: "2026-12-31", positioningId: plan.data.planId, ownerUserId: ws.owner.id, adminUserIds: [ws.operator.id] });
    const [listed] = await listPlans(getDb(), { workspaceId: ws.workspaceId });
    expect(listed?.linkedGroups).toBe(1);
  });

  it("refuse a capacity over 500, a duplicate name and staff from elsewhere, changing nothing", async () => {
    const ws = await makeWorkspace("bad-group");
    const other = await makeWorkspace("bad-group-other");
    current.session = await sessionFor(ws.operator);
    expect(await createGroupAction(ws.workspaceId, null, form({ ...baseFields, capacity: "501" }))).toMatchObject({
      ok: false,
      fieldErrors: { capacity: ["validation.capacityRange"] },
    });
    expect(await createGroupAction(ws.workspaceId, null, form({ ...baseFields, ownerUserId: other.owner.id }))).toMatchObject({
      ok: false,
      fieldErrors: { ownerUserId: ["validation.notWorkspaceMember"] },
    });
    expect((await createGroupAction(ws.workspaceId, null, form(baseFields))).ok).toBe(true);
    expect(await createGroupAction(ws.workspaceId, null, form(baseFields))).toMatchObject({ ok: false, fieldErrors: { name: ["validation.groupNameTaken"] } });
    expect((await listGroups(getDb(), { workspaceId: ws.workspaceId, filters: groupFiltersSchema.parse({}) })).total).toBe(1);
  });

  it("filter, change stage in bulk, and stay invisible to other workspaces", async () => {
    const ws = await makeWorkspace("bulk");
    const other = await makeWorkspace("bulk-other");
    current.session = await sessionFor(ws.operator);
    const ids: string[] = [];
    for (const name of ["A 群", "B 群", "C 群"]) {
      const r = await createGroupAction(ws.workspaceId, null, form({ ...baseFields, name, communityType: name === "C 群" ? "fans" : "traffic" }));
      if (r.ok) ids.push(r.data.groupId);
    }
    expect(await bulkStageAction(ws.workspaceId, null, form({ groupIds: ids.slice(0, 2), stage: "active" }))).toEqual({ ok: true, data: { count: 2 } });
    const active = await listGroups(getDb(), { workspaceId: ws.workspaceId, filters: groupFiltersSchema.parse({ stage: "active", sort: "name" }) });
    expect(active.rows.map((r) => r.name)).toEqual(["A 群", "B 群"]);
    const fans = await listGroups(getDb(), { workspaceId: ws.workspaceId, filters: groupFiltersSchema.parse({ type: "fans" }) });
    expect(fans.rows.map((r) => r.name)).toEqual(["C 群"]);

    current.session = await sessionFor(other.owner);
    expect(await bulkStageAction(other.workspaceId, null, form({ groupIds: ids, stage: "ended" }))).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await updateGroupAction(other.workspaceId, null, form({ ...baseFields, groupId: ids[0]! }))).toMatchObject({ ok: false, error: "errors.notFound" });
    const untouched = await getDb().select({ stage: groups.stage }).from(groups).where(and(eq(groups.workspaceId, ws.workspaceId), eq(groups.id, ids[2]!)));
    expect(untouched).toEqual([{ stage: "planned" }]);
  });
});

describe("rosters", () => {
  it("add people once, change roles, and keep those who left as history", async () => {
    const ws = await makeWorkspace("roster");
    current.session = await sessionFor(ws.operator);
    const g = await createGroupAction(ws.workspaceId, null, form(baseFields));
    if (!g.ok) throw new Error(g.error);
    const groupId = g.data.groupId;
    const add = (fields: Record<string, string>) => addRosterMemberAction(ws.workspaceId, null, form({ groupId, nickname: "", phone: "", externalId: "", role: "member", joinSource: "", ...fields }));

    const first = await add({ nickname: "小雨", phone: "+86 138-0013-8000" });
    expect(first.ok).toBe(true);
    expect(await add({ nickname: "小雨(换了昵称)", phone: "13800138000" })).toMatchObject({ ok: false, fieldErrors: { nickname: ["validation.alreadyInGroup"] } });
    expect(await add({ phone: "12345" })).toMatchObject({ ok: false, fieldErrors: { phone: ["validation.phone"] } });
    expect(await add({})).toMatchObject({ ok: false, fieldErrors: { nickname: ["validation.identityNeeded"] } });
    const koc = await add({ nickname: "阿杰", role: "koc" });
    if (!first.ok || !koc.ok) throw new Error("add failed");

    expect(await changeRosterRoleAction(ws.workspaceId, null, form({ groupId, membershipId: first.data.membershipId, role: "admin" }))).toMatchObject({ ok: true });
    expect(await removeFromRosterAction(ws.workspaceId, null, form({ groupId, membershipId: koc.data.membershipId }))).toMatchObject({ ok: true });

    const now = await listRoster(getDb(), { workspaceId: ws.workspaceId, groupId, filters: rosterFiltersSchema.parse({}) });
    expect(now.rows.map((r) => [r.nickname, r.role, r.phone])).toEqual([["小雨", "admin", "13800138000"]]);
    const search = async (q: string) =>
      (await listRoster(getDb(), { workspaceId: ws.workspaceId, groupId, filters: rosterFiltersSchema.parse({ q, status: "all" }) })).rows.map((r) => r.nickname);
    expect(await search("0013")).toEqual(["小雨"]);
    expect(await search("阿")).toEqual(["阿杰"]);
    expect(await search("nobody")).toEqual([]);
    const left = await listRoster(getDb(), { workspaceId: ws.workspaceId, groupId, filters: rosterFiltersSchema.parse({ status: "left" }) });
    expect(left.rows.map((r) => r.nickname)).toEqual(["阿杰"]);
    const rows = await getDb().select().from(groupMemberships).where(eq(groupMemberships.groupId, groupId));
    expect(rows).toHaveLength(2);
  });

  it("page by cursor without skipping or repeating anyone", async () => {
    const ws = await makeWorkspace("paging");
    current.session = await sessionFor(ws.operator);
    const g = await createGroupAction(ws.workspaceId, null, form(baseFields));
    if (!g.ok) throw new Error(g.error);
    for (let i = 0; i < 7; i++) {
      await addRosterMemberAction(ws.workspaceId, null, form({ groupId: g.data.groupId, nickname: `成员${i}`, phone: "", externalId: "", role: "member", joinSource: "" }));
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listRoster(getDb(), { workspaceId: ws.workspaceId, groupId: g.data.groupId, filters: rosterFiltersSchema.parse({ after }), pageSize: 3 });
      seen.push(...page.rows.map((r) => r.nickname));
      after = page.next ?? undefined;
    } while (after);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `成员${i}`).sort());
  });
});
