import { getDb } from "@/db/client";
import { testMessage } from "@/lib/rules/moderation";
import { asTestable, listModerationRules } from "@/lib/rules/queries";
import { testRulesSchema } from "@/lib/rules/schema";
import { workspaceRoute } from "@/lib/route";

/** The rule tester: which rules a message would trip, and what would be sent. Reads only. */
export const POST = workspaceRoute("viewer", async (request, ctx) => {
  const parsed = testRulesSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "errors.invalidInput" }, { status: 400 });
  const rules = await listModerationRules(getDb(), { workspaceId: ctx.workspaceId, groupId: parsed.data.groupId });
  return Response.json(testMessage(asTestable(rules), parsed.data));
});
