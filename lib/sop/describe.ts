import { TIME_RE } from "@/lib/calendar/time";
import type { ContentCategory, SopOwnerRole, SopTiming } from "./schema";

/**
 * The readable forms used in exports (and read back by the importer): "每天 11:00",
 * "周一 20:00", "第 -1 天 20:00". Exports are in Chinese whatever the UI language, because the
 * sheet is handed to operators in China; the importer also accepts the English forms.
 */
export const WEEKDAYS_ZH = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] as const;
const WEEKDAYS_EN = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const WEEKDAY_ALIASES: Record<string, number> = Object.fromEntries([
  ...WEEKDAYS_ZH.map((w, i) => [w, i + 1]),
  ...WEEKDAYS_ZH.map((w, i) => [w.replace("周", "星期").replace("星期日", "星期日"), i + 1]),
  ["周天", 7],
  ["星期天", 7],
  ...WEEKDAYS_EN.map((w, i) => [w, i + 1]),
]);

export const CATEGORY_ZH: Record<ContentCategory, string> = { product: "产品", values: "价值观", interaction: "互动", activity: "活动" };
export const OWNER_ZH: Record<SopOwnerRole, string> = { group_owner: "群主", group_admin: "群管理员", operator: "运营" };

type Timed = { timing: SopTiming; weekday: number | null; dayOffset: number | null; time: string };

export function describeTiming(s: Timed): string {
  if (s.timing === "weekly") return `${WEEKDAYS_ZH[(s.weekday ?? 1) - 1]} ${s.time}`;
  if (s.timing === "relative") return `第 ${s.dayOffset ?? 0} 天 ${s.time}`;
  return `每天 ${s.time}`;
}

/** The inverse of describeTiming; null when the text is not one of the readable forms. */
export function parseTiming(text: string): Timed | null {
  const t = text.trim().replace(/\s+/g, " ");
  const withTime = (rest: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(rest.trim());
    if (!m) return null;
    const time = `${m[1]!.padStart(2, "0")}:${m[2]}`;
    return TIME_RE.test(time) ? time : null;
  };
  let m = /^(?:每天|daily|every day) ?(.+)$/i.exec(t);
  if (m) {
    const time = withTime(m[1]!);
    return time ? { timing: "daily", weekday: null, dayOffset: null, time } : null;
  }
  m = /^第 ?([+-]?\d{1,3}) ?天 ?(.+)$/.exec(t) ?? /^day ([+-]?\d{1,3}) (.+)$/i.exec(t);
  if (m) {
    const time = withTime(m[2]!);
    return time ? { timing: "relative", weekday: null, dayOffset: Number(m[1]), time } : null;
  }
  m = /^(\S+?) ?(\d{1,2}:\d{2})$/.exec(t);
  if (m) {
    const weekday = WEEKDAY_ALIASES[m[1]!.toLowerCase()];
    const time = withTime(m[2]!);
    return weekday && time ? { timing: "weekly", weekday, dayOffset: null, time } : null;
  }
  return null;
}

function reverse<K extends string>(map: Record<K, string>, extra: Record<string, K> = {}): (text: string) => K | null {
  return (text) => {
    const t = text.trim();
    if (t in map) return t as K;
    const found = (Object.entries(map) as [K, string][]).find(([, label]) => label === t);
    return found?.[0] ?? extra[t.toLowerCase()] ?? null;
  };
}

export const parseCategory = reverse(CATEGORY_ZH, { 产品相关: "product", 价值: "values", 活动促销: "activity" });
export const parseOwnerRole = reverse(OWNER_ZH, { 管理员: "group_admin", 运营人员: "operator", owner: "group_owner", admin: "group_admin" });
