import type { PreviewData } from "@/components/sop/run-preview";
import { instantDay, instantTime } from "@/lib/calendar/time";
import type { RunPlan } from "./runs";

const FIRST_DAYS = 3;

/** A run plan as the preview shows it: plain data, the first few days of each group listed. */
export function previewData(plan: RunPlan, timeZone: string): PreviewData {
  return {
    total: plan.total,
    skippedPast: plan.skippedPast,
    skippedDuplicate: plan.skippedDuplicate,
    skippedNonexistent: plan.skippedNonexistent.map(({ day, time }) => ({ day, time })),
    groups: plan.groups.map((g) => {
      const days: PreviewData["groups"][number]["days"] = [];
      for (const p of g.posts) {
        const day = instantDay(p.scheduledAt, timeZone);
        let entry = days.at(-1);
        if (entry?.day !== day) {
          if (days.length === FIRST_DAYS) break;
          entry = { day, items: [] };
          days.push(entry);
        }
        entry.items.push({ time: instantTime(p.scheduledAt, timeZone), title: p.title ?? "", category: p.category });
      }
      return { groupId: g.groupId, name: g.name, count: g.posts.length, days };
    }),
  };
}
