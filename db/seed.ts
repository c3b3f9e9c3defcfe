import { and, count, eq, lt, sql } from "drizzle-orm";
import { closeDb, getDb, type Tx } from "./client";
import { events, groupMemberships, links as linkTable, linkVisitors, members, memberships, memberTags, orderRefunds, orders, posts, publicCodes, users } from "./schema";
import { CAMPAIGN_DAYS_AGO, DEMO_FUNNEL, DEMO_FUNNEL_DAYS, DEMO_LINK_HOST, DEMO_SOP_RUNS, JOIN_SOURCES, makeNickname, makePhone, pick, pickSome, REMARKS, seededRandom, TAG_LIBRARY, type Random } from "./seed-data";
import { createPosts } from "@/lib/calendar/posts";
import { transitionPosts } from "@/lib/calendar/status";
import { addLocalDays, instantDay, localToInstant, weekdayOf } from "@/lib/calendar/time";
import { createGroup } from "@/lib/groups/commands";
import { groupFieldsSchema } from "@/lib/groups/schema";
import { newId } from "@/lib/ids";
import { recomputeActivity } from "@/lib/members/activity-job";
import { catchUpRollups } from "@/lib/rollups/rollup";
import { createTag, createTagGroup } from "@/lib/members/commands";
import { createPlan } from "@/lib/positioning/commands";
import { starterAnswers } from "@/lib/positioning/starters";
import { addStarter } from "@/lib/sop/commands";
import { applyRun } from "@/lib/sop/runs";
import { STARTERS } from "@/lib/sop/starters";
import { createUser } from "@/lib/users/commands";
import { createWorkspace } from "@/lib/workspaces/commands";

export const DEMO_PASSWORD = "qunyun-demo";
export const DEMO_ACCOUNTS = [
  { email: "demo@qunyun.local", name: "示例店主", role: "owner" },
  { email: "operator@qunyun.local", name: "社群运营小王", role: "operator" },
  { email: "viewer@qunyun.local", name: "老板(只读)", role: "viewer" },
] as const;

const DAY_MS = 24 * 3600 * 1000;
/** The same seed every time: a rerun on a fresh database shows the same people and numbers. */
const SEED = 20261123;

/**
 * The demo workspace "示例门店 / Demo store", created only on a database with no users yet.
 * Only the launcher's embedded database gets it: a known password never reaches a real server.
 * It comes with plans, groups, a tag library and ~300 members with a month of activity, so a
 * newcomer sees a console at work (including one dead group and one flash group past its end).
 */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const db = getDb();
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const [ownerAccount, ...staff] = DEMO_ACCOUNTS;
    const owner = await createUser(tx, { name: ownerAccount.name, email: ownerAccount.email, password: DEMO_PASSWORD });
    const workspace = await createWorkspace(tx, { ownerId: owner.id, name: "示例门店 / Demo store", isDemo: true });
    const userIds: Record<string, string> = { owner: owner.id };
    for (const account of staff) {
      const user = await createUser(tx, { name: account.name, email: account.email, password: DEMO_PASSWORD });
      await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: account.role });
      userIds[account.role] = user.id;
    }
    await seedDemoContent(tx, { workspaceId: workspace.id, ownerId: owner.id, operatorId: userIds.operator ?? owner.id, now: new Date() });
  });
  // The rollup worker's own step, once the demo's events are committed: the dashboards read rollups.
  await catchUpRollups(db);
  return true;
}

type Ctx = { workspaceId: string; ownerId: string; operatorId: string; now: Date };

/** A group of the demo and how its people behave: `events` is the most one member does in 30 days. */
type DemoGroup = {
  name: string;
  plan: "fresh" | "lunch" | "trial" | null;
  communityType?: string;
  stage: "active" | "declining" | "planned";
  owner: "owner" | "operator";
  capacity: number;
  newPeople: number;
  sharedWithFirst: number;
  joinedDaysAgo: [number, number];
  events: number;
  notes: string;
};

const GROUPS: DemoGroup[] = [
  { name: "阳光花园生鲜福利群", plan: "fresh", stage: "active", owner: "operator", capacity: 500, newPeople: 150, sharedWithFirst: 0, joinedDaysAgo: [0, 60], events: 30, notes: "每早 8 点特价,晚 8 点接龙" },
  { name: "午市熟客群·人民路店", plan: "lunch", stage: "active", owner: "owner", capacity: 300, newPeople: 70, sharedWithFirst: 15, joinedDaysAgo: [0, 60], events: 18, notes: "11:00 发菜单,18:00 预告秒杀" },
  { name: "9.9 体验课 11 月班", plan: "trial", stage: "active", owner: "operator", capacity: 200, newPeople: 40, sharedWithFirst: 20, joinedDaysAgo: [10, 40], events: 14, notes: "快闪群:课程结束后转长期群" },
  // Members of their own, joined long ago, silent: the console calls it a dead group (死群).
  { name: "宝妈育儿交流群", plan: null, communityType: "content", stage: "declining", owner: "operator", capacity: 200, newPeople: 48, sharedWithFirst: 0, joinedDaysAgo: [20, 60], events: 0, notes: "" },
  { name: "周末烘焙体验群", plan: null, communityType: "traffic", stage: "planned", owner: "operator", capacity: 100, newPeople: 0, sharedWithFirst: 0, joinedDaysAgo: [0, 0], events: 0, notes: "12 月开群,门店烘焙课引流" },
];

/** Shanghai has no daylight saving, so a fixed +8 h gives its calendar day. */
function shanghaiDay(at: Date, plusDays = 0): string {
  return new Date(at.getTime() + 8 * 3600 * 1000 + plusDays * DAY_MS).toISOString().slice(0, 10);
}

async function seedDemoContent(tx: Tx, ctx: Ctx) {
  const { workspaceId, ownerId: userId } = ctx;
  const trial = starterAnswers("education");
  // A flash campaign that should have ended five days ago: the group list flags it as overdue.
  trial.fiveW1H.when = { ...trial.fiveW1H.when, buildDate: shanghaiDay(ctx.now, -40), endDate: shanghaiDay(ctx.now, -5) };
  const plans = {
    fresh: (await createPlan(tx, { workspaceId, userId, name: "社区生鲜福利群", starter: "fresh_grocery" })).planId,
    lunch: (await createPlan(tx, { workspaceId, userId, name: "午市熟客群", starter: "restaurant" })).planId,
    trial: (await createPlan(tx, { workspaceId, userId, name: "9.9 元体验课转化", starter: "education", answers: trial })).planId,
  };
  const groupIds: string[] = [];
  for (const g of GROUPS) {
    const ownerUserId = g.owner === "owner" ? ctx.ownerId : ctx.operatorId;
    const fields = groupFieldsSchema.parse({
      name: g.name,
      communityType: g.communityType ?? "",
      positioningId: g.plan ? plans[g.plan] : "",
      stage: g.stage,
      plannedEnd: "",
      entryThreshold: "",
      capacity: g.capacity,
      ownerUserId,
      adminUserIds: g.owner === "owner" ? [ctx.operatorId] : [],
      externalChatId: "",
      notes: g.notes,
    });
    groupIds.push((await createGroup(tx, { workspaceId, fields })).groupId);
  }
  await seedSops(tx, ctx, groupIds);
  const tagIds = await seedTagLibrary(tx, workspaceId);
  const rand = seededRandom(SEED);
  const people = buildPeople(rand, groupIds, ctx.now);
  await insertPeople(tx, workspaceId, people, tagIds, rand);
  for (const rows of chunks(buildEvents(rand, workspaceId, people, ctx.now))) await tx.insert(events).values(rows);
  await seedDemoFunnel(tx, ctx, groupIds, people, seededRandom(SEED + 1));
  // Yesterday's scores too, so the trend sparkline has a line; today's last, as the job would.
  for (let daysAgo = 13; daysAgo >= 0; daysAgo--) {
    await recomputeActivity(tx, { workspaceId, now: new Date(ctx.now.getTime() - daysAgo * DAY_MS) });
  }
}

const DEMO_TIME_ZONE = "Asia/Shanghai";

/** The five SOP starters, and two of them running this week in the demo's groups. */
async function seedSops(tx: Tx, ctx: Ctx, groupIds: string[]) {
  const { workspaceId, operatorId: userId } = ctx;
  const templates = new Map<string, string>();
  for (const s of STARTERS) templates.set(s.key, (await addStarter(tx, { workspaceId, userId, starterKey: s.key })).templateId);
  const today = instantDay(ctx.now, DEMO_TIME_ZONE);
  const monday = addLocalDays(today, 1 - weekdayOf(today));
  // "now" just before Monday 00:00, so the whole week is planned; what has passed is then sent.
  const weekStart = new Date(localToInstant(monday, "00:00", DEMO_TIME_ZONE).getTime() - 1);
  for (const run of DEMO_SOP_RUNS) {
    const { runId } = await applyRun(tx, {
      workspaceId,
      templateId: templates.get(run.starterKey)!,
      templateVersion: 1,
      groupIds: [groupIds[run.group]!],
      startDate: monday,
      endDate: addLocalDays(monday, 6),
      channel: "manual",
      timeZone: DEMO_TIME_ZONE,
      userId,
      now: weekStart,
    });
    const past = await tx
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.workspaceId, workspaceId), eq(posts.runId, runId), lt(posts.scheduledAt, ctx.now)));
    await transitionPosts(tx, { workspaceId, postIds: past.map((p) => p.id), to: "sent", actorUserId: userId, note: "示例数据" });
    await tx
      .update(posts)
      .set({ sentAt: sql`${posts.scheduledAt}` })
      .where(and(eq(posts.workspaceId, workspaceId), eq(posts.runId, runId), eq(posts.status, "sent")));
  }
}

async function seedTagLibrary(tx: Tx, workspaceId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [group, names] of Object.entries(TAG_LIBRARY)) {
    const { id: tagGroupId } = await createTagGroup(tx, { workspaceId, name: group });
    for (const name of names) ids.set(name, (await createTag(tx, { workspaceId, name, tagGroupId })).id);
  }
  ids.set("VIP", (await createTag(tx, { workspaceId, name: "VIP", tagGroupId: null })).id);
  return ids;
}

type Stay = { id: string; groupId: string; groupIndex: number; joinedAt: Date; leftAt: Date | null; source: string; role: "member" | "koc" };
type Person = { id: string; nickname: string; phone: string | null; externalId: string | null; remark: string; stays: Stay[] };

function randomStay(rand: Random, groupIds: string[], groupIndex: number, now: Date): Stay {
  const [from, to] = GROUPS[groupIndex]!.joinedDaysAgo;
  const joinedAt = new Date(now.getTime() - (from + rand() * (to - from)) * DAY_MS);
  const left = rand() < 0.09 ? new Date(joinedAt.getTime() + rand() * (now.getTime() - joinedAt.getTime())) : null;
  return { id: newId(), groupId: groupIds[groupIndex]!, groupIndex, joinedAt, leftAt: left, source: pick(rand, JOIN_SOURCES), role: rand() < 0.05 ? "koc" : "member" };
}

/** Each group's own people, plus some of the first (biggest) group's people in it too. */
function buildPeople(rand: Random, groupIds: string[], now: Date): Person[] {
  const people: Person[] = [];
  const phones = new Set<string>();
  GROUPS.forEach((g, groupIndex) => {
    const firstGroup = people.filter((p) => p.stays[0]?.groupIndex === 0);
    for (const p of pickSome(rand, firstGroup, g.sharedWithFirst)) p.stays.push(randomStay(rand, groupIds, groupIndex, now));
    for (let i = 0; i < g.newPeople; i++) {
      let phone: string | null = rand() < 0.7 ? makePhone(rand) : null;
      if (phone && phones.has(phone)) phone = null;
      if (phone) phones.add(phone);
      people.push({
        id: newId(),
        nickname: makeNickname(rand),
        phone,
        externalId: rand() < 0.4 ? `wm${Math.floor(rand() * 36 ** 10).toString(36).padStart(10, "0")}${people.length}` : null,
        remark: rand() < 0.3 ? pick(rand, REMARKS) : "",
        stays: [randomStay(rand, groupIds, groupIndex, now)],
      });
    }
  });
  return people;
}

const INTEREST_BY_GROUP = [["生鲜", "烘焙"], ["火锅", "咖啡"], ["亲子"], ["亲子"], ["烘焙"]];

async function insertPeople(tx: Tx, workspaceId: string, people: Person[], tagIds: Map<string, string>, rand: Random) {
  const memberRows = people.map((p) => {
    const first = p.stays.reduce((a, b) => (b.joinedAt < a.joinedAt ? b : a));
    return { workspaceId, id: p.id, nickname: p.nickname, phone: p.phone, externalId: p.externalId, remark: p.remark, source: first.source, createdAt: first.joinedAt };
  });
  for (const rows of chunks(memberRows)) await tx.insert(members).values(rows);
  const stays = people.flatMap((p) => p.stays.map((s) => ({ workspaceId, id: s.id, groupId: s.groupId, memberId: p.id, role: s.role, joinedAt: s.joinedAt, leftAt: s.leftAt, joinSource: s.source })));
  for (const rows of chunks(stays)) await tx.insert(groupMemberships).values(rows);
  const links = people.flatMap((p) => {
    const home = p.stays[0]!;
    const names = [
      pick(rand, INTEREST_BY_GROUP[home.groupIndex] ?? ["生鲜"]),
      pick(rand, TAG_LIBRARY.生命周期 ?? []),
      ...(rand() < 0.6 ? [pick(rand, TAG_LIBRARY.来源 ?? [])] : []),
      ...(rand() < 0.08 ? ["VIP"] : []),
    ];
    return [...new Set(names)].map((name) => ({ workspaceId, memberId: p.id, tagId: tagIds.get(name) ?? "" })).filter((l) => l.tagId);
  });
  for (const rows of chunks(links)) await tx.insert(memberTags).values(rows);
}

type NewEvent = typeof events.$inferInsert;

/** Joins and leaves (keyed as the app keys them), then messages over 30 days. */
function buildEvents(rand: Random, workspaceId: string, people: Person[], now: Date): NewEvent[] {
  const out: NewEvent[] = [];
  const add = (e: Omit<NewEvent, "workspaceId" | "id" | "idempotencyKey">, key: string) => out.push({ workspaceId, id: newId(), idempotencyKey: key, ...e });
  for (const p of people) {
    for (const s of p.stays) {
      add({ kind: "join", occurredAt: s.joinedAt, memberId: p.id, groupId: s.groupId }, `join:${s.id}`);
      if (s.leftAt) add({ kind: "leave", occurredAt: s.leftAt, memberId: p.id, groupId: s.groupId }, `leave:${s.id}`);
      const g = GROUPS[s.groupIndex]!;
      // Squaring skews the counts: a few chatty members, many quiet ones, some silent.
      const n = g.events ? Math.floor(rand() ** 2 * g.events) : rand() < 0.05 ? 1 : 0;
      const from = Math.max(s.joinedAt.getTime(), now.getTime() - 30 * DAY_MS);
      // The dead group's rare messages are all older than two weeks.
      const to = Math.min(s.leftAt?.getTime() ?? Infinity, g.events ? now.getTime() : now.getTime() - 15 * DAY_MS);
      for (let i = 0; i < n && to > from; i++) {
        // Clicks and orders come from the demo's posts with links (seedDemoFunnel), with their rows.
        add({ kind: "message", occurredAt: new Date(from + rand() * (to - from)), memberId: p.id, groupId: s.groupId }, `demo:${out.length}`);
      }
    }
  }
  return out;
}

const HOUR_MS = 3600 * 1000;

/**
 * 60 days of sent posts with reach, clicks through tracked links and orders (a few refunded),
 * written as the app writes them: posts, links (+ public codes), link visitors, orders, refunds
 * and their events, keyed the same way. Reach is the group's members at send time.
 */
async function seedDemoFunnel(tx: Tx, ctx: Ctx, groupIds: string[], people: Person[], rand: Random) {
  const { workspaceId, now } = ctx;
  const today = instantDay(now, DEMO_TIME_ZONE);
  const campaignDays = new Set(CAMPAIGN_DAYS_AGO.map((n) => addLocalDays(today, -n)));
  const stays = people.flatMap((p) => p.stays.map((s) => ({ ...s, memberId: p.id })));
  const noise = () => 0.7 + rand() * 0.6;
  const later = (from: Date, maxHours: number) => new Date(Math.min(now.getTime() - 60_000, from.getTime() + rand() ** 2 * maxHours * HOUR_MS + 60_000));
  const postRows: Parameters<typeof createPosts>[2] = [];
  const linkRows: (typeof linkTable.$inferInsert)[] = [];
  const codeRows: (typeof publicCodes.$inferInsert)[] = [];
  const visitorRows: (typeof linkVisitors.$inferInsert)[] = [];
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const refundRows: (typeof orderRefunds.$inferInsert)[] = [];
  const eventRows: NewEvent[] = [];
  const event = (e: Omit<NewEvent, "workspaceId" | "id">) => eventRows.push({ workspaceId, id: newId(), ...e });
  let orderNo = 0;
  for (const plan of DEMO_FUNNEL) {
    const groupId = groupIds[plan.group]!;
    const span = Math.min(DEMO_FUNNEL_DAYS, plan.days ?? DEMO_FUNNEL_DAYS);
    for (let ago = span - 1; ago >= 0; ago--) {
      const day = addLocalDays(today, -ago);
      const weekday = weekdayOf(day);
      for (const slot of plan.posts) {
        if (slot.weekdays && !slot.weekdays.includes(weekday)) continue;
        const sentAt = localToInstant(day, slot.time, DEMO_TIME_ZONE);
        if (sentAt >= now) continue;
        const reach = stays.filter((s) => s.groupId === groupId && s.joinedAt <= sentAt && (!s.leftAt || s.leftAt > sentAt)).length;
        const postId = newId();
        const title = slot.titles[(DEMO_FUNNEL_DAYS - ago) % slot.titles.length]!;
        postRows.push({ id: postId, groupId, scheduledAt: sentAt, sentAt, status: "sent", channel: "manual", category: slot.category, title, body: slot.link ? `${title}\n点击链接下单 👉` : title, ownerUserId: ctx.operatorId, reachCount: reach, notes: "示例数据" });
        event({ kind: "reach", occurredAt: sentAt, postId, groupId, amountCents: reach, idempotencyKey: `reach:${postId}:${groupId}` });
        if (!slot.link || reach === 0) continue;
        const linkId = newId();
        const code = `d${Math.floor(rand() * 36 ** 8).toString(36).padStart(8, "0")}${linkRows.length}`;
        linkRows.push({ workspaceId, id: linkId, code, postId, groupId, destinationUrl: `${DEMO_LINK_HOST}/p/${linkRows.length + 1}`, createdBy: ctx.operatorId, createdAt: sentAt });
        codeRows.push({ code, workspaceId, kind: "link", targetId: linkId, createdAt: sentAt });
        const campaign = campaignDays.has(day);
        const rhythm = plan.rhythm[weekday - 1] ?? 1;
        const unique = Math.min(reach, Math.round(reach * plan.clickRate * rhythm * noise() * (campaign ? 2.6 : 1)));
        const visitors: { key: string; at: Date }[] = [];
        for (let v = 0; v < unique; v++) {
          const key = `demo-${newId()}`;
          const at = later(sentAt, 30);
          visitors.push({ key, at });
          visitorRows.push({ workspaceId, linkId, visitorKey: key, firstAt: at });
          event({ kind: "click", occurredAt: at, postId, groupId, linkId, visitorKey: key, uniqueClick: true, idempotencyKey: `click:${newId()}` });
        }
        const repeats = Math.round(unique * 0.3 * rand());
        for (let r = 0; r < repeats && visitors.length; r++) {
          const v = pick(rand, visitors);
          event({ kind: "click", occurredAt: later(v.at, 12), postId, groupId, linkId, visitorKey: v.key, uniqueClick: false, idempotencyKey: `click:${newId()}` });
        }
        const payers = Math.min(unique, Math.round(unique * plan.payRate * noise() * (campaign ? 1.6 : 1)));
        const members = stays.filter((s) => s.groupId === groupId && s.joinedAt <= sentAt);
        for (let o = 0; o < payers; o++) {
          const orderId = newId();
          const externalId = `DEMO${String(++orderNo).padStart(6, "0")}`;
          const occurredAt = later(visitors[o]!.at, 6);
          const amountCents = Math.round(pick(rand, plan.amountsYuan) * 100 * (campaign ? 1.2 : 1));
          const memberId = rand() < 0.5 && members.length ? pick(rand, members).memberId : null;
          const refunded = rand() < 0.04;
          orderRows.push({ workspaceId, id: orderId, externalId, bodyHash: `demo:${externalId}`, source: "webhook", occurredAt, amountCents, refundedCents: refunded ? amountCents : 0, memberId, linkCode: code, attribution: "link", postId, groupId, createdAt: occurredAt });
          event({ kind: "order", occurredAt, postId, groupId, orderId, memberId, amountCents, idempotencyKey: `order:${externalId}` });
          if (refunded) {
            const refundAt = later(occurredAt, 72);
            refundRows.push({ workspaceId, id: newId(), orderId, externalId: `${externalId}-R1`, bodyHash: `demo:${externalId}-R1`, amountCents, occurredAt: refundAt, createdAt: refundAt });
            event({ kind: "refund", occurredAt: refundAt, postId, groupId, orderId, memberId, amountCents, idempotencyKey: `refund:${externalId}-R1` });
          }
        }
      }
    }
  }
  await createPosts(tx, workspaceId, postRows, ctx.operatorId, "示例数据");
  for (const rows of chunks(linkRows)) await tx.insert(linkTable).values(rows);
  for (const rows of chunks(codeRows)) await tx.insert(publicCodes).values(rows);
  for (const rows of chunks(visitorRows)) await tx.insert(linkVisitors).values(rows);
  for (const rows of chunks(orderRows)) await tx.insert(orders).values(rows);
  for (const rows of chunks(refundRows)) await tx.insert(orderRefunds).values(rows);
  for (const rows of chunks(eventRows)) await tx.insert(events).values(rows);
}

/** Rows in slices for multi-row inserts, well under PostgreSQL's 65,535 parameters per statement. */
function chunks<T>(rows: T[], size = 1000): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}

export { closeDb };
