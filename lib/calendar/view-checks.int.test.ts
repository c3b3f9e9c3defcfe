import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups } from "@/db/schema";
import { newId } from "@/lib/ids";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { createPosts } from "./posts";
import { loadCalendarView } from "./queries";
import { addLocalDays, localToInstant } from "./time";
import { parseCalendarView } from "./view-range";

afterAll(closeDb);

const TZ = "Asia/Shanghai";

describe("the calendar's checks", () => {
  it("speak about weeks that can still change, not about weeks that are over", async () => {
    const ws = await makeWorkspace("view-checks");
    const db = getDb();
    const groupId = newId();
    await db.insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: "转化群", stage: "active", communityType: "conversion" });
    // Two Monday-to-Sunday weeks with only product posts: both miss the selling groups' activity share.
    const lastWeek = "2026-11-16";
    const thisWeek = "2026-11-23";
    const rows = [lastWeek, thisWeek].flatMap((monday) =>
      [0, 1, 2, 3].map((d) => ({ groupId, scheduledAt: localToInstant(addLocalDays(monday, d), "12:00", TZ), category: "product" as const, title: `新品 ${d}` })),
    );
    await createPosts(db, ws.workspaceId, rows, ws.operator.id);
    const view = parseCalendarView({ view: "month", date: "2026-11-01" }, TZ);
    const weeksWarned = async (now: string) => {
      const { checks } = await loadCalendarView(db, { workspaceId: ws.workspaceId, timeZone: TZ, view, now: localToInstant(now, "09:00", TZ) });
      return checks.filter((w) => w.kind === "mix_activity_low").map((w) => w.period);
    };
    expect(await weeksWarned("2026-11-10")).toEqual([lastWeek, thisWeek]);
    // On Wednesday of the second week, the first week is history.
    expect(await weeksWarned("2026-11-25")).toEqual([thisWeek]);
    expect(await weeksWarned("2026-12-01")).toEqual([]);
  });
});
