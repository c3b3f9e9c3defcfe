import type { ContentCategory, PostChannel, PostStatus } from "@/db/schema/calendar";

/** A post as the calendar's client components get it: local day and time already worked out. */
export type Chip = {
  id: string;
  groupId: string;
  day: string;
  time: string;
  status: PostStatus;
  late: boolean;
  category: ContentCategory;
  channel: PostChannel;
  title: string;
  version: number;
};

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
