import "server-only";
import type { Tx } from "@/db/client";
import { activityRules } from "@/db/schema";
import type { z } from "zod";
import type { activityRuleSchema } from "./rule-schema";

export async function saveActivityRule(tx: Tx, input: { workspaceId: string; rule: z.output<typeof activityRuleSchema> }) {
  const { message, click, order, join, ...rest } = input.rule;
  const values = { points: { message, click, order, join }, ...rest, updatedAt: new Date() };
  await tx
    .insert(activityRules)
    .values({ workspaceId: input.workspaceId, ...values })
    .onConflictDoUpdate({ target: activityRules.workspaceId, set: values });
}
