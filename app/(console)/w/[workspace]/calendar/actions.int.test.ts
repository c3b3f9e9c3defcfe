import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups, notifications, postHistory, posts, type ContentCategory, type PostChannel } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import type { CheckWarning } from "@/lib/calendar/check-types";
import { checkProposedPosts } from "@/lib/calendar/checks";
import { createPosts } from "@/lib/calendar/posts";
import { countUnreadNotifications, listTodayPosts } from "@/lib/calendar/post-queries";
import { addLocalDays, instantDay, localToInstant } from "@/lib/calendar/time";
import { newId } from "@/lib/ids";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { cancelPostAction, createPostAction, markNotificationsReadAction, markPostSentAction, movePostAction, updatePostAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const TZ = "Asia/Shanghai";
/** A Monday a few weeks ahead, so nothing is in the past. */
const today = instantDay(new Date(), TZ);
const monday = addLocalDays(today, 21 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));

async function setup(label: string, communityType: string | null = null) {
  const ws = await makeWorkspace(label);
  current.session = await sessionFor(ws.operator);
  const groupId = newId();
  await getDb().insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: `${label} 群`, stage: "active", communityType });
  return { ws, groupId };
}

async function seed(workspaceId: string, groupId: string, rows: { day: string; time: string; category?: ContentCategory; channel?: PostChannel; owner?: string | null; status?: "scheduled" | "due" | "failed" }[]) {
  return createPosts(
    getDb(),
    workspaceId,
    rows.map((r) => ({ groupId, scheduledAt: localToInstant(r.day, r.time, TZ), category: r.category ?? "values", channel: r.channel ?? "manual", title: `帖子 ${r.day} ${r.time}`, ownerUserId: r.owner ?? null, status: r.status })),
    null,
  );
}

const getPost = async (workspaceId: string, id: string) => (await getDb().select().from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, id))))[0]!;
const inline = (extra: Record<string, unknown> = {}) => ({ contentMode: "inline", title: "今日菜单", body: "招牌红烧肉,限量 20 份", category: "product", channel: "manual", ownerUserId: "", notes: "", ...extra });
const warningsOf = (r: { ok: boolean; details?: unknown; data?: unknown }) => ((r.ok ? (r.data as { warnings: CheckWarning[] }) : (r.details as { warnings: CheckWarning[] })).warnings ?? []).map((w) => w.kind);

describe("moving a post", () => {
  it("moves it to another local day and time, and refuses a stale version", async () => {
    const { ws, groupId } = await setup("move");
    const [id] = (await seed(ws.workspaceId, groupId, [{ day: monday, time: "11:00" }])) as [string];
    const moved = await movePostAction(ws.workspaceId, null, { postId: id, version: "1", day: addLocalDays(monday, 2), time: "18:30" });
    expect(moved.ok).toBe(true);
    const after = await getPost(ws.workspaceId, id);
    expect(after.scheduledAt.toISOString()).toBe(localToInstant(addLocalDays(monday, 2), "18:30", TZ).toISOString());
    expect(after.version).toBe(2);
    // Someone else dragged it first: the old version is refused and the current time is told.
    const stale = await movePostAction(ws.workspaceId, null, { postId: id, version: "1", day: monday, time: "09:00" });
    expect(stale).toMatchObject({ ok: false, error: "errors.postChanged", details: { version: 2, day: addLocalDays(monday, 2), time: "18:30" } });
    expect((await getPost(ws.workspaceId, id)).scheduledAt).toEqual(after.scheduledAt);
  });

  it("refuses sent and cancelled posts", async () => {
    const { ws, groupId } = await setup("locked");
    const [a, b] = (await seed(ws.workspaceId, groupId, [{ day: monday, time: "11:00" }, { day: monday, time: "12:00" }])) as [string, string];
    expect((await markPostSentAction(ws.workspaceId, null, { postId: a })).ok).toBe(true);
    expect((await cancelPostAction(ws.workspaceId, null, { postId: b })).ok).toBe(true);
    expect(await movePostAction(ws.workspaceId, null, { postId: a, version: "2", day: monday, time: "15:00" })).toMatchObject({ ok: false, error: "errors.postAlreadySent" });
    expect(await movePostAction(ws.workspaceId, null, { postId: b, version: "2", day: monday, time: "15:00" })).toMatchObject({ ok: false, error: "errors.postCancelled" });
  });

  it("shows warnings before moving into quiet hours, moves once confirmed, and blocks above the hard limit", async () => {
    const { ws, groupId } = await setup("checks");
    const ids = await seed(ws.workspaceId, groupId, [...["09:00", "10:00", "11:00", "12:00", "13:00"].map((time) => ({ day: monday, time })), { day: addLocalDays(monday, 1), time: "12:00" }]);
    const last = ids[5]!;
    const quiet = await movePostAction(ws.workspaceId, null, { postId: last, version: "1", day: addLocalDays(monday, 1), time: "23:00" });
    expect(quiet).toMatchObject({ ok: false, error: "errors.calendarChecksConfirm" });
    expect(warningsOf(quiet)).toEqual(["quiet_hours"]);
    const confirmed = await movePostAction(ws.workspaceId, null, { postId: last, version: "1", day: addLocalDays(monday, 1), time: "23:00", confirm: "1" });
    expect(warningsOf(confirmed)).toEqual(["quiet_hours"]);
    // A sixth post on Monday is above the hard limit of 5: refused even when confirmed.
    const full = await movePostAction(ws.workspaceId, null, { postId: last, version: "2", day: monday, time: "15:00", confirm: "1" });
    expect(full).toMatchObject({ ok: false, error: "errors.calendarChecksBlock" });
    expect(warningsOf(full)).toEqual(["daily_hard_limit"]);
  });

  it("does not find another workspace's post, and refuses viewers", async () => {
    const { ws, groupId } = await setup("iso");
    const [id] = (await seed(ws.workspaceId, groupId, [{ day: monday, time: "11:00" }])) as [string];
    const other = await makeWorkspace("iso-other");
    current.session = await sessionFor(other.owner);
    expect(await movePostAction(other.workspaceId, null, { postId: id, version: "1", day: monday, time: "15:00" })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await markPostSentAction(other.workspaceId, null, { postId: id })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await movePostAction(ws.workspaceId, null, { postId: id, version: "1", day: monday, time: "15:00" })).toMatchObject({ ok: false, error: "errors.notFound" });
    current.session = await sessionFor(ws.viewer);
    expect(await movePostAction(ws.workspaceId, null, { postId: id, version: "1", day: monday, time: "15:00" })).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await updatePostAction(ws.workspaceId, null, { postId: id, version: "1", day: monday, time: "15:00", ...inline() })).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect((await getPost(ws.workspaceId, id)).version).toBe(1);
  });
});

describe("editing and creating a post", () => {
  it("validates time, text length, content and owner", async () => {
    const { ws, groupId } = await setup("edit");
    const [id] = (await seed(ws.workspaceId, groupId, [{ day: monday, time: "11:00" }])) as [string];
    const base = { postId: id, version: "1", day: monday, time: "11:00" };
    expect(await updatePostAction(ws.workspaceId, null, { ...base, time: "25:00", ...inline() })).toMatchObject({ ok: false, fieldErrors: { time: ["validation.calendarTime"] } });
    expect(await updatePostAction(ws.workspaceId, null, { ...base, day: "2026-02-30", ...inline() })).toMatchObject({ ok: false, fieldErrors: { day: ["validation.date"] } });
    expect(await updatePostAction(ws.workspaceId, null, { ...base, ...inline({ body: "字".repeat(4001) }) })).toMatchObject({ ok: false, fieldErrors: { body: ["validation.postTextTooLong"] } });
    expect(await updatePostAction(ws.workspaceId, null, { ...base, ...inline({ title: "", body: " " }) })).toMatchObject({ ok: false, fieldErrors: { title: ["validation.postTitleOrText"] } });
    expect(await updatePostAction(ws.workspaceId, null, { ...base, ...inline({ contentMode: "library", contentItemId: newId() }) })).toMatchObject({ ok: false, fieldErrors: { contentItemId: ["validation.invalid"] } });
    const stranger = await makeWorkspace("edit-stranger");
    expect(await updatePostAction(ws.workspaceId, null, { ...base, ...inline({ ownerUserId: stranger.operator.id }) })).toMatchObject({ ok: false, fieldErrors: { ownerUserId: ["validation.invalid"] } });
    const saved = await updatePostAction(ws.workspaceId, null, { ...base, time: "11:30", ...inline({ body: "字".repeat(4000), ownerUserId: ws.operator.id, channel: "wecom", notes: "配图用红色海报" }) });
    expect(saved.ok).toBe(true);
    expect(await getPost(ws.workspaceId, id)).toMatchObject({ body: "字".repeat(4000), ownerUserId: ws.operator.id, channel: "wecom", notes: "配图用红色海报", category: "product", version: 2 });
  });

  it("refuses a local time that does not exist in the workspace's zone", async () => {
    const { ws, groupId } = await setup("dst");
    const { workspaces } = await import("@/db/schema");
    await getDb().update(workspaces).set({ timeZone: "America/New_York" }).where(eq(workspaces.id, ws.workspaceId));
    const r = await createPostAction(ws.workspaceId, null, { groupId, day: "2027-03-14", time: "02:30", ...inline() });
    expect(r).toMatchObject({ ok: false, fieldErrors: { time: ["validation.calendarTimeSkipped"] } });
  });

  it("creates a post for a group at a time, with its first history row", async () => {
    const { ws, groupId } = await setup("create");
    const r = await createPostAction(ws.workspaceId, null, { groupId, day: monday, time: "12:00", ...inline() });
    if (!r.ok) throw new Error(r.error);
    const history = await getDb().select().from(postHistory).where(eq(postHistory.postId, r.data.postId));
    expect(history.map((h) => h.toStatus)).toEqual(["scheduled"]);
    expect(await createPostAction(ws.workspaceId, null, { groupId: newId(), day: monday, time: "12:00", ...inline() })).toMatchObject({ ok: false, error: "errors.notFound" });
  });
});

describe("checks against saved posts", () => {
  it("warns that a selling group's mix drops below half activity when its activity posts go", async () => {
    const { ws, groupId } = await setup("mix", "conversion");
    const week = ["activity", "activity", "activity", "activity", "values", "interaction"] as const;
    const ids = await seed(ws.workspaceId, groupId, week.map((category, i) => ({ day: addLocalDays(monday, i), time: "12:00", category })));
    const proposed = { groupId, scheduledAt: localToInstant(addLocalDays(monday, 6), "12:00", TZ), category: "values" as const, channel: "manual" as const };
    const check = (excludePostIds: string[] = []) => checkProposedPosts(getDb(), { workspaceId: ws.workspaceId, proposed: [proposed], excludePostIds });
    expect(await check()).toEqual([]); // 4 of 7
    expect((await cancelPostAction(ws.workspaceId, null, { postId: ids[0]! })).ok).toBe(true);
    expect(await check()).toEqual([]); // 3 of 6: exactly half is enough
    expect((await cancelPostAction(ws.workspaceId, null, { postId: ids[1]! })).ok).toBe(true);
    expect((await check()).map((w) => [w.kind, w.period, w.value, w.limit])).toEqual([["mix_activity_low", monday, 40, 50]]);
    // Leaving out another activity post, as if it were being moved away, makes it worse.
    expect((await check([ids[2]!])).map((w) => w.value)).toEqual([25]);
  });

  it("forecasts the WeCom quota over the saved month", async () => {
    const { ws, groupId } = await setup("quota");
    const first = `${addLocalDays(monday, 40).slice(0, 7)}-01`;
    const days = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).getUTCDate();
    await seed(ws.workspaceId, groupId, Array.from({ length: days }, (_, i) => ({ day: addLocalDays(first, i), time: "12:00", channel: "wecom" as const })));
    const extra = { groupId, scheduledAt: localToInstant(first, "15:00", TZ), category: "activity" as const, channel: "wecom" as const };
    const found = await checkProposedPosts(getDb(), { workspaceId: ws.workspaceId, proposed: [extra] });
    expect(found.map((w) => [w.kind, w.value, w.limit])).toEqual([["wecom_quota", days + 1, days]]);
  });
});

describe("today's to-do", () => {
  it("lists due, failed and today's posts of the operator and unassigned ones, and marks one sent", async () => {
    const { ws, groupId } = await setup("today");
    const now = new Date();
    const todayLocal = instantDay(now, TZ);
    const yesterday = addLocalDays(todayLocal, -1);
    const [mine, nobodys, someoneElses, old, future] = (await seed(ws.workspaceId, groupId, [
      { day: todayLocal, time: "23:59", owner: ws.operator.id },
      { day: yesterday, time: "12:00", owner: null, status: "due" },
      { day: todayLocal, time: "23:58", owner: ws.owner.id },
      { day: yesterday, time: "13:00", owner: ws.operator.id, status: "failed" },
      { day: addLocalDays(todayLocal, 1), time: "09:00", owner: ws.operator.id },
    ])) as [string, string, string, string, string];
    const list = await listTodayPosts(getDb(), { workspaceId: ws.workspaceId, userId: ws.operator.id, timeZone: TZ, now });
    expect(list.map((p) => p.id).sort()).toEqual([mine, nobodys, old].sort());
    expect(list.find((p) => p.id === nobodys)?.overdue).toBe(true);
    expect([someoneElses, future].some((id) => list.some((p) => p.id === id))).toBe(false);

    await getDb().insert(notifications).values({ workspaceId: ws.workspaceId, id: newId(), userId: ws.operator.id, kind: "post_due", postId: nobodys });
    expect(await countUnreadNotifications(getDb(), { workspaceId: ws.workspaceId, userId: ws.operator.id })).toBe(1);
    expect((await markPostSentAction(ws.workspaceId, null, { postId: nobodys })).ok).toBe(true);
    const sent = await getPost(ws.workspaceId, nobodys);
    expect(sent.status).toBe("sent");
    expect(sent.sentAt).not.toBeNull();
    expect(await countUnreadNotifications(getDb(), { workspaceId: ws.workspaceId, userId: ws.operator.id })).toBe(0);
    expect(await markPostSentAction(ws.workspaceId, null, { postId: nobodys })).toMatchObject({ ok: false, error: "errors.postAlreadySent" });
  });

  it("lets a viewer mark their own notifications read", async () => {
    const { ws } = await setup("notes");
    await getDb().insert(notifications).values({ workspaceId: ws.workspaceId, id: newId(), userId: ws.viewer.id, kind: "post_failed", data: {} });
    current.session = await sessionFor(ws.viewer);
    expect(await markNotificationsReadAction(ws.workspaceId, null, { notificationId: "" })).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await countUnreadNotifications(getDb(), { workspaceId: ws.workspaceId, userId: ws.viewer.id })).toBe(0);
  });
});
