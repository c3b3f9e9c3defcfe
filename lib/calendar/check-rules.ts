import type { ContentCategory } from "@/db/schema";

/**
 * The numbers behind the calendar checks, in one place so the UI can explain them. DOMAIN.md §3:
 * no more than 3–5 posts a day per group; selling groups need at least half of their content to be
 * activities, traffic groups may go up to 80%; too much product content turns a group into an
 * ad channel (the articles give no figure: 60% is our line, above it members start muting).
 */
export const MIX_RULES = {
  /** Below this many posts in a week the shares say little (one product post = 100%). */
  minPostsPerWeek: 4,
  /** Selling groups: activity share at least this (percent). */
  sellingActivityMinPct: 50,
  /** Traffic groups: activity share at most this (percent). */
  trafficActivityMaxPct: 80,
  /** Every group: product share above this (percent) reads like an ad channel. */
  productMaxPct: 60,
} as const;

export const DEFAULT_CALENDAR_SETTINGS = { dailyLimit: 3, hardDailyLimit: 5, quietStart: "22:00", quietEnd: "08:00" } as const;
export type CheckSettings = { dailyLimit: number; hardDailyLimit: number; quietStart: string; quietEnd: string };

/** What a group is for, as far as the content mix is concerned. */
export type GroupPurpose = "selling" | "traffic" | "other";

/** Preset community types (lib/positioning/presets.ts) and what they are for. */
const PURPOSE_BY_PRESET: Record<string, GroupPurpose> = { conversion: "selling", flash: "selling", repurchase: "selling", traffic: "traffic" };
/** A workspace's own types are judged by the business step they serve. */
const PURPOSE_BY_STEP: Record<string, GroupPurpose> = { convert: "selling", repurchase: "selling", acquire: "traffic" };

/**
 * The purpose of a community type: a preset key, or "custom:<id>" looked up in `customSteps`
 * (custom type id → business step). Unknown or untyped groups only get the product-share check.
 */
export function purposeOf(communityType: string | null | undefined, customSteps: Record<string, string | null> = {}): GroupPurpose {
  if (!communityType) return "other";
  if (communityType.startsWith("custom:")) return PURPOSE_BY_STEP[customSteps[communityType.slice(7)] ?? ""] ?? "other";
  return PURPOSE_BY_PRESET[communityType] ?? "other";
}

export const CATEGORIES: readonly ContentCategory[] = ["product", "values", "interaction", "activity"];
