"use server";

import { z } from "zod";
import { workspaceAction } from "@/lib/action";
import { daysFrom } from "@/lib/calendar/time";
import { MAX_RANGE_DAYS } from "@/lib/dashboards/math";
import { rebuildRollups, recountRollups } from "@/lib/rollups/rollup";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid");

const schema = z
  .object({ from: day, to: day, rebuild: z.enum(["0", "1"]).default("0") })
  .refine((v) => v.from <= v.to && daysFrom(v.from, v.to) < MAX_RANGE_DAYS, { message: "validation.invalid", path: ["to"] });

/**
 * 核对汇总数据: recount the range from raw events and compare with the rollups; with rebuild=1
 * and differences found, rebuild the range from raw events and check again. Owners only.
 */
export const recountRollupsAction = workspaceAction(
  { role: "owner", schema, revalidate: "dashboards" },
  async ({ db, workspaceId }, input) => {
    const first = await recountRollups(db, workspaceId, input);
    if (input.rebuild === "1" && first.differences.length > 0) {
      const rebuilt = await rebuildRollups(db, workspaceId, input);
      const after = await recountRollups(db, workspaceId, input);
      return { checked: first.rowsChecked, differences: first.differences.length, rebuiltRows: rebuilt.rows, remaining: after.differences.length, sample: first.differences.slice(0, 5) };
    }
    return { checked: first.rowsChecked, differences: first.differences.length, rebuiltRows: null, remaining: first.differences.length, sample: first.differences.slice(0, 5) };
  },
  (input, data) => ({ action: input.rebuild === "1" ? "rollups.rebuild" : "rollups.recount", data: { from: input.from, to: input.to, differences: data.differences, rebuiltRows: data.rebuiltRows } }),
);
