import type { CheckWarning } from "@/lib/calendar/check-types";
import type { LocalStamp } from "@/lib/calendar/local-clock";
import type { DaySummary, PostChip } from "@/lib/calendar/queries";
import type { Chip, DayCell, DayIssues } from "./types";

const pad = (n: number) => String(n).padStart(2, "0");
/** Findings that belong to one day (the others are per week or month and shown in the panel). */
const DAY_KINDS: CheckWarning["kind"][] = ["daily_limit", "daily_hard_limit", "quiet_hours"];

/** The page's data in the shape the client board takes: local day and time on every chip. */
export function toBoardData(data: { posts: PostChip[] | null; month: Map<string, DaySummary> | null }, clock: (at: Date) => LocalStamp) {
  const chip = (p: PostChip): Chip => {
    const { day, minutes } = clock(p.scheduledAt);
    return { id: p.id, groupId: p.groupId, day, time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`, status: p.status, late: p.late, category: p.category, channel: p.channel, title: p.title, version: p.version };
  };
  const chips = data.posts?.map(chip);
  const cells = data.month
    ? Object.fromEntries([...data.month.values()].map((s): [string, DayCell] => [s.day, { day: s.day, total: s.total, byCategory: s.byCategory, cancelled: s.cancelled, failed: s.failed, first: s.first.map(chip) }]))
    : undefined;
  const count = chips ? chips.length : Object.values(cells ?? {}).reduce((n, c) => n + c.total + c.cancelled, 0);
  return {
    chips,
    cells,
    count,
    dayIssues(checks: CheckWarning[]): DayIssues {
      const out: DayIssues = {};
      for (const w of checks) {
        if (!DAY_KINDS.includes(w.kind) || !w.period) continue;
        const d = (out[w.period] ??= { errors: 0, warnings: 0 });
        if (w.severity === "error") d.errors++;
        else d.warnings++;
      }
      return out;
    },
    flagged(checks: CheckWarning[]): string[] {
      const ids = new Set<string>();
      for (const w of checks) if (DAY_KINDS.includes(w.kind)) for (const id of w.postIds ?? []) ids.add(id);
      // Only ids on screen travel to the browser.
      const shown = new Set([...(chips ?? []), ...Object.values(cells ?? {}).flatMap((c) => c.first)].map((c) => c.id));
      return [...ids].filter((id) => shown.has(id));
    },
  };
}
