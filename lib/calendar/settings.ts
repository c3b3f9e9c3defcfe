import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { calendarSettings } from "@/db/schema";
import { DEFAULT_CALENDAR_SETTINGS, type CheckSettings } from "./check-rules";

/** The workspace's limits and quiet hours for the checks; the defaults until a row is saved. */
export async function getCheckSettings(db: DbOrTx, workspaceId: string): Promise<CheckSettings> {
  const [row] = await db
    .select({ dailyLimit: calendarSettings.dailyLimit, hardDailyLimit: calendarSettings.hardDailyLimit, quietStart: calendarSettings.quietStart, quietEnd: calendarSettings.quietEnd })
    .from(calendarSettings)
    .where(eq(calendarSettings.workspaceId, workspaceId));
  return row ?? { ...DEFAULT_CALENDAR_SETTINGS };
}
