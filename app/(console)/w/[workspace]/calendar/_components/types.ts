import type { ContentCategory } from "@/db/schema/calendar";
import type { PostChip } from "@/lib/calendar/queries";

/** A post as the calendar's client components get it: local day and time already worked out. */
export type Chip = Omit<PostChip, "scheduledAt"> & { day: string; time: string };

export type DayCell = {
  day: string;
  total: number;
  byCategory: Record<ContentCategory, number>;
  cancelled: number;
  failed: number;
  first: Chip[];
};

export type DayIssues = Record<string, { errors: number; warnings: number }>;

export const MOVABLE = (c: Chip) => c.status !== "sent" && c.status !== "cancelled";
