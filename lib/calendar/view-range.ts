import { daysInMonth, weekStart } from "./checks";
import { addLocalDays, DAY_RE, instantDay } from "./time";
import { isUuid } from "@/lib/ids";

export type CalendarViewKind = "week" | "month" | "day";
export type CalendarScope = { kind: "all" } | { kind: "group"; id: string } | { kind: "plan"; id: string };
export type CalendarView = { view: CalendarViewKind; date: string; scope: CalendarScope; from: string; to: string; days: string[] };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The days a view shows: a Monday-to-Sunday week, a month grid of whole weeks, or one day. */
export function viewDays(view: CalendarViewKind, date: string): { from: string; to: string; days: string[] } {
  let from = date;
  let to = date;
  if (view === "week") {
    from = weekStart(date);
    to = addLocalDays(from, 6);
  } else if (view === "month") {
    const month = date.slice(0, 7);
    from = weekStart(`${month}-01`);
    to = addLocalDays(weekStart(`${month}-${String(daysInMonth(month)).padStart(2, "0")}`), 6);
  }
  const days: string[] = [];
  for (let d = from; d <= to; d = addLocalDays(d, 1)) days.push(d);
  return { from, to, days };
}

/** Reads ?view=week|month|day&date=yyyy-MM-dd&group=<id>|plan=<id>; anything odd falls back. */
export function parseCalendarView(params: Params, timeZone: string, now = new Date()): CalendarView {
  const rawView = one(params.view);
  const view: CalendarViewKind = rawView === "month" || rawView === "day" ? rawView : "week";
  const rawDate = one(params.date);
  const date = rawDate && DAY_RE.test(rawDate) && !Number.isNaN(Date.parse(`${rawDate}T00:00:00Z`)) && new Date(`${rawDate}T00:00:00Z`).toISOString().startsWith(rawDate) ? rawDate : instantDay(now, timeZone);
  // A filter form sends scope=group:<id> | plan:<id>; links use group= / plan=.
  const [scopeKind, scopeId] = (one(params.scope) ?? "").split(":");
  const group = one(params.group) ?? (scopeKind === "group" ? scopeId : undefined);
  const plan = one(params.plan) ?? (scopeKind === "plan" ? scopeId : undefined);
  const scope: CalendarScope = isUuid(group) ? { kind: "group", id: group } : isUuid(plan) ? { kind: "plan", id: plan } : { kind: "all" };
  return { view, date, scope, ...viewDays(view, date) };
}

/** The same view moved one step back or forward. */
export function shiftDate(view: CalendarViewKind, date: string, step: -1 | 1): string {
  if (view === "day") return addLocalDays(date, step);
  if (view === "week") return addLocalDays(date, 7 * step);
  const [y, m] = date.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + step, 1));
  return d.toISOString().slice(0, 10);
}

/** A query string for a view; `over` replaces some of its parts. */
export function viewQuery(v: Pick<CalendarView, "view" | "date" | "scope">, over: Partial<Pick<CalendarView, "view" | "date" | "scope">> = {}): string {
  const m = { ...v, ...over };
  const q = new URLSearchParams({ view: m.view, date: m.date });
  if (m.scope.kind === "group") q.set("group", m.scope.id);
  if (m.scope.kind === "plan") q.set("plan", m.scope.id);
  return `?${q.toString()}`;
}
