import { describe, expect, it } from "vitest";
import type { ContentCategory, PostChannel } from "@/db/schema";
import type { ProposedPost } from "./check-types";
import { DEFAULT_CALENDAR_SETTINGS, purposeOf, type CheckSettings } from "./check-rules";
import { checkWindow, daysInMonth, inQuietHours, runChecks, weekStart, type CheckContext } from "./checks";
import { localClock } from "./local-clock";
import { addLocalDays, localToInstant } from "./time";

const TZ = "Asia/Shanghai";
const ctx = (purposes: CheckContext["purposes"] = {}, settings: CheckSettings = DEFAULT_CALENDAR_SETTINGS): CheckContext => ({ timeZone: TZ, settings: { ...settings }, purposes });
let n = 0;
const post = (day: string, time: string, category: ContentCategory = "values", channel: PostChannel = "manual", groupId = "g1"): ProposedPost => ({
  id: `p${++n}`,
  groupId,
  scheduledAt: localToInstant(day, time, TZ),
  category,
  channel,
});
const kinds = (list: ProposedPost[], c = ctx()) => runChecks(list, c).map((w) => `${w.kind}:${w.severity}:${w.period}:${w.value}/${w.limit}`);

describe("daily limit", () => {
  it("is quiet at the limit, warns above it and is an error above the hard limit", () => {
    const day = (count: number) => Array.from({ length: count }, (_, i) => post("2026-03-04", `${10 + i}:00`));
    expect(kinds(day(3))).toEqual([]);
    expect(kinds(day(4))).toEqual(["daily_limit:warning:2026-03-04:4/3"]);
    expect(kinds(day(5))).toEqual(["daily_limit:warning:2026-03-04:5/3"]);
    expect(kinds(day(6))).toEqual(["daily_hard_limit:error:2026-03-04:6/5"]);
  });

  it("counts per group and per local day, not per UTC day", () => {
    // 07:30 in Shanghai is the previous UTC day; all four are one local day.
    const list = ["07:30", "09:00", "12:00", "20:00"].map((t) => post("2026-03-04", t, "values", "manual", "g1"));
    list.push(post("2026-03-04", "10:00", "values", "manual", "g2"));
    const w = runChecks(list, ctx());
    expect(w.filter((x) => x.kind === "quiet_hours")).toHaveLength(1);
    expect(w.filter((x) => x.kind === "daily_limit").map((x) => [x.groupId, x.period, x.value])).toEqual([["g1", "2026-03-04", 4]]);
  });

  it("uses the workspace's own limits", () => {
    const list = Array.from({ length: 3 }, (_, i) => post("2026-03-04", `1${i}:00`));
    expect(kinds(list, ctx({}, { dailyLimit: 2, hardDailyLimit: 2, quietStart: "22:00", quietEnd: "08:00" }))).toEqual(["daily_hard_limit:error:2026-03-04:3/2"]);
  });
});

describe("content mix per week", () => {
  const week = (cats: ContentCategory[], group = "g1") => cats.map((c, i) => post(addLocalDays("2026-03-02", i % 7), "12:00", c, "manual", group));

  it("wants at least half activity content in a selling group", () => {
    const sell = ctx({ g1: "selling" });
    expect(kinds(week(["activity", "activity", "values", "interaction"]), sell)).toEqual([]);
    expect(kinds(week(["activity", "values", "values", "interaction"]), sell)).toEqual(["mix_activity_low:warning:2026-03-02:25/50"]);
  });

  it("lets a traffic group go up to 80% activity", () => {
    const traffic = ctx({ g1: "traffic" });
    expect(kinds(week(["activity", "activity", "activity", "activity", "values"]), traffic)).toEqual([]);
    expect(kinds(week(["activity", "activity", "activity", "activity", "activity", "values"]), traffic)).toEqual(["mix_activity_high:warning:2026-03-02:83/80"]);
  });

  it("flags any group whose product share is above 60%", () => {
    expect(kinds(week(["product", "product", "product", "values", "values"]))).toEqual([]);
    expect(kinds(week(["product", "product", "product", "product", "values"]))).toEqual(["mix_product_high:warning:2026-03-02:80/60"]);
  });

  it("says nothing about a week with fewer than four posts", () => {
    expect(kinds(week(["product", "product", "product"]), ctx({ g1: "selling" }))).toEqual([]);
  });

  it("splits weeks on Monday", () => {
    const list = [post("2026-03-01", "12:00", "product"), ...week(["product", "product", "product", "values"])];
    // Sunday 1 March belongs to the week of 23 February; the week of 2 March has 3 of 4 = 75%.
    expect(kinds(list)).toEqual(["mix_product_high:warning:2026-03-02:75/60"]);
  });
});

describe("quiet hours", () => {
  it("covers 22:00 up to but not including 08:00", () => {
    expect(kinds([post("2026-03-04", "21:59")])).toEqual([]);
    expect(kinds([post("2026-03-04", "22:00")])).toEqual(["quiet_hours:warning:2026-03-04:1/0"]);
    expect(kinds([post("2026-03-04", "07:59")])).toEqual(["quiet_hours:warning:2026-03-04:1/0"]);
    expect(kinds([post("2026-03-04", "08:00")])).toEqual([]);
  });

  it("handles quiet hours that do not wrap midnight, and none at all", () => {
    expect(inQuietHours(13 * 60, "12:00", "14:00")).toBe(true);
    expect(inQuietHours(14 * 60, "12:00", "14:00")).toBe(false);
    expect(inQuietHours(3 * 60, "00:00", "00:00")).toBe(false);
  });
});

describe("WeCom mass-send quota", () => {
  const month = (first: string, days: number, perDay: number, channel: PostChannel = "wecom") =>
    Array.from({ length: days * perDay }, (_, i) => post(addLocalDays(first, Math.floor(i / perDay)), `${10 + (i % perDay)}:00`, "activity", channel));

  it.each([
    ["2026-02-01", 28],
    ["2026-04-01", 30],
    ["2026-03-01", 31],
    ["2028-02-01", 29],
  ])("allows as many WeCom posts in %s as the month has days (%i)", (first, days) => {
    expect(daysInMonth(first.slice(0, 7))).toBe(days);
    const full = month(first, days, 1);
    expect(runChecks(full, ctx()).filter((w) => w.kind === "wecom_quota")).toEqual([]);
    const over = [...full, post(first, "15:00", "activity", "wecom")];
    expect(runChecks(over, ctx()).filter((w) => w.kind === "wecom_quota").map((w) => [w.period, w.value, w.limit])).toEqual([[first.slice(0, 7), days + 1, days]]);
  });

  it("counts only the WeCom channel", () => {
    const list = [...month("2026-02-01", 28, 1), ...month("2026-02-01", 28, 1, "manual")];
    expect(runChecks(list, ctx()).filter((w) => w.kind === "wecom_quota")).toEqual([]);
  });
});

describe("helpers", () => {
  it("derives a group's purpose from its community type", () => {
    expect(purposeOf("conversion")).toBe("selling");
    expect(purposeOf("flash")).toBe("selling");
    expect(purposeOf("repurchase")).toBe("selling");
    expect(purposeOf("traffic")).toBe("traffic");
    expect(purposeOf("fans")).toBe("other");
    expect(purposeOf(null)).toBe("other");
    expect(purposeOf("custom:abc", { abc: "convert" })).toBe("selling");
    expect(purposeOf("custom:abc", { abc: "acquire" })).toBe("traffic");
    expect(purposeOf("custom:zzz", {})).toBe("other");
  });

  it("widens a span to whole weeks and months", () => {
    expect(weekStart("2026-03-08")).toBe("2026-03-02");
    expect(checkWindow("2026-03-10", "2026-03-10")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(checkWindow("2026-03-31", "2026-03-31")).toEqual({ from: "2026-03-01", to: "2026-04-05" });
    expect(checkWindow("2026-03-01", "2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-31" });
  });

  it("reads local days and minutes the same as time.ts, across a DST change", () => {
    const clock = localClock("America/New_York");
    const before = localToInstant("2026-03-08", "01:59", "America/New_York");
    const after = localToInstant("2026-03-08", "03:00", "America/New_York");
    expect(clock(before)).toEqual({ day: "2026-03-08", minutes: 119 });
    expect(clock(after)).toEqual({ day: "2026-03-08", minutes: 180 });
    expect(localClock("Asia/Kathmandu")(new Date("2026-03-08T18:29:00Z"))).toEqual({ day: "2026-03-09", minutes: 14 });
  });
});
