import type { SopTiming } from "@/lib/sop/schema";

type Timed = { timing: SopTiming; weekday: number | null; dayOffset: number | null; time: string };
type T = (key: string, values?: Record<string, string | number>) => string;

/** A step's timing in the UI language: "每天 11:00", "周一 20:00", "第 -1 天 20:00". */
export function whenLabel(t: T, s: Timed): string {
  if (s.timing === "weekly") return t("when.weekly", { weekday: t(`weekdays.${s.weekday ?? 1}`), time: s.time });
  if (s.timing === "relative") return t("when.relative", { day: s.dayOffset ?? 0, time: s.time });
  return t("when.daily", { time: s.time });
}
