import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groupMemberships, members, memberTags } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { addRosterMember, createGroup } from "@/lib/groups/commands";
import { groupFieldsSchema } from "@/lib/groups/schema";
import { getMember, listMembers } from "@/lib/members/queries";
import { memberFiltersSchema } from "@/lib/members/schema";
import { newId } from "@/lib/ids";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { bulkTagAction, createTagAction, createTagGroupAction, mergeMembersAction, addMemberTagAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

async function groupWith(workspaceId: string, name: string, people: { nickname: string; phone?: string }[]) {
  return getDb().transaction(async (tx) => {
    const fields = groupFieldsSchema.parse({ name, stage: "active", capacity: 200, notes: "", plannedEnd: "", positioningId: "", ownerUserId: "", communityType: "", entryThreshold: "", externalChatId: "" });
    const { groupId } = await createGroup(tx, { workspaceId, fields });
    const ids: string[] = [];
    for (const p of people) {
      const r = await addRosterMember(tx, { workspaceId, groupId, person: { nickname: p.nickname, phone: p.phone ?? null, externalId: null }, role: "member", isStaff: false, joinSource: "门店海报" });
      ids.push(r.memberId);
    }
    return { groupId, ids };
  });
}

describe("tags", () => {
  it("apply in bulk to everyone the filter matches, once", async () => {
    const ws = await makeWorkspace("bulk-tag");
    current.session = await sessionFor(ws.operator);
    const coffee = await groupWith(ws.workspaceId, "咖啡群", [{ nickname: "阿一" }, { nickname: "阿二" }, { nickname: "阿三" }]);
    await groupWith(ws.workspaceId, "茶群", [{ nickname: "小茶" }]);
    const group = await createTagGroupAction(ws.workspaceId, null, { name: "兴趣" });
    if (!group.ok) throw new Error(group.error);
    const tag = await createTagAction(ws.workspaceId, null, { name: "咖啡", tagGroupId: group.data.id });
    if (!tag.ok) throw new Error(tag.error);
    expect(await createTagAction(ws.workspaceId, null, { name: "咖啡", tagGroupId: group.data.id })).toMatchObject({ ok: false, fieldErrors: { name: ["validation.tagTaken"] } });

    const apply = () => bulkTagAction(ws.workspaceId, null, { tagId: tag.data.id, op: "add", group: coffee.groupId, q: "", tag: "" });
    expect(await apply()).toEqual({ ok: true, data: { count: 3 } });
    expect(await apply()).toEqual({ ok: true, data: { count: 0 } });
    const tagged = await listMembers(getDb(), { workspaceId: ws.workspaceId, filters: memberFiltersSchema.parse({ tag: tag.data.id }) });
    expect(tagged.rows.map((r) => r.nickname).sort()).toEqual(["阿一", "阿三", "阿二"].sort());
    expect(await bulkTagAction(ws.workspaceId, null, { tagId: tag.data.id, op: "remove", q: "阿二", tag: "", group: "" })).toEqual({ ok: true, data: { count: 1 } });
  });

  it("of another workspace are not found", async () => {
    const ws = await makeWorkspace("tag-home");
    const other = await makeWorkspace("tag-other");
    current.session = await sessionFor(ws.operator);
    const tag = await createTagAction(ws.workspaceId, null, { name: "VIP", tagGroupId: "" });
    const { ids } = await groupWith(ws.workspaceId, "VIP 群", [{ nickname: "大客户" }]);
    if (!tag.ok) throw new Error(tag.error);
    current.session = await sessionFor(other.owner);
    expect(await bulkTagAction(other.workspaceId, null, { tagId: tag.data.id, op: "add" })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await addMemberTagAction(other.workspaceId, null, { memberId: ids[0]!, tagId: tag.data.id })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await getMember(getDb(), { workspaceId: other.workspaceId, memberId: ids[0]! })).toBeNull();
  });
});

describe("merging two records of one person", () => {
  it("keeps both histories on the kept record and retires the other", async () => {
    const ws = await makeWorkspace("merge");
    current.session = await sessionFor(ws.operator);
    const a = await groupWith(ws.workspaceId, "一群", [{ nickname: "王姐" }]);
    const b = await groupWith(ws.workspaceId, "二群", [{ nickname: "王姐姐", phone: "13900001111" }]);
    const shared = await groupWith(ws.workspaceId, "三群", []);
    const [keepId, mergeId] = [a.ids[0]!, b.ids[0]!];
    // Both records sit in the third group: after the merge one open stay remains there.
    await getDb()
      .insert(groupMemberships)
      .values([keepId, mergeId].map((memberId) => ({ workspaceId: ws.workspaceId, id: newId(), groupId: shared.groupId, memberId })));
    const tag = await createTagAction(ws.workspaceId, null, { name: "老客", tagGroupId: "" });
    if (!tag.ok) throw new Error(tag.error);
    await addMemberTagAction(ws.workspaceId, null, { memberId: mergeId, tagId: tag.data.id });

    expect(await mergeMembersAction(ws.workspaceId, null, { keepId, mergeId: keepId })).toMatchObject({ ok: false, fieldErrors: { mergeId: ["validation.mergeSelf"] } });
    expect(await mergeMembersAction(ws.workspaceId, null, { keepId, mergeId })).toMatchObject({ ok: true, data: { keepId, movedStays: 2 } });

    const kept = await getMember(getDb(), { workspaceId: ws.workspaceId, memberId: keepId });
    expect(kept?.member).toMatchObject({ nickname: "王姐", phone: "13900001111", mergedIntoId: null });
    expect(kept?.stays.map((s) => [s.groupName, s.leftAt === null]).sort()).toEqual(
      [["一群", true], ["二群", true], ["三群", true], ["三群", false]].sort(),
    );
    expect(kept?.tags.map((x) => x.name)).toEqual(["老客"]);
    const [retired] = await getDb().select().from(members).where(and(eq(members.workspaceId, ws.workspaceId), eq(members.id, mergeId)));
    expect(retired?.mergedIntoId).toBe(keepId);
    expect(await getDb().select().from(groupMemberships).where(eq(groupMemberships.memberId, mergeId))).toEqual([]);
    expect(await getDb().select().from(memberTags).where(eq(memberTags.memberId, mergeId))).toEqual([]);
    const list = await listMembers(getDb(), { workspaceId: ws.workspaceId, filters: memberFiltersSchema.parse({}) });
    expect(list.rows.map((r) => r.id)).not.toContain(mergeId);
  });
});
