import type { ContentCategory, PostChannel } from "@/db/schema";

/** A post as the checks see it: saved (with id) or about to be (an SOP being applied, a drag). */
export type ProposedPost = { id?: string; groupId: string; scheduledAt: Date; category: ContentCategory; channel: PostChannel };

/**
 * One finding of the calendar checks (daily limit, content mix, quiet hours, WeCom quota).
 * `severity: "error"` is the hard limit; the UI explains each kind in words.
 */
export type CheckWarning = {
  kind: "daily_limit" | "daily_hard_limit" | "mix_activity_low" | "mix_activity_high" | "mix_product_high" | "quiet_hours" | "wecom_quota";
  severity: "warning" | "error";
  groupId: string;
  /** local day (daily limit, quiet hours) or month "yyyy-MM" (quota) or week start (mix) */
  period?: string;
  value: number;
  limit: number;
  postIds?: string[];
};
