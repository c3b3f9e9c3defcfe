import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import type { Translate } from "@/lib/positioning/format";
import { getPlan, listCommunityTypes } from "@/lib/positioning/queries";
import { planMarkdown } from "@/lib/positioning/sections";
import { workspaceRoute } from "@/lib/route";

/** The whole plan as Markdown, for sharing outside the console. Viewers may export too. */
export const GET = workspaceRoute<{ workspace: string; plan: string }>("viewer", async (_request, ctx, params) => {
  if (!isUuid(params.plan)) return new Response("Not found", { status: 404 });
  const db = getDb();
  const [plan, custom, t] = await Promise.all([
    getPlan(db, { workspaceId: ctx.workspaceId, planId: params.plan }),
    listCommunityTypes(db, ctx.workspaceId),
    getTranslations(),
  ]);
  if (!plan) return new Response("Not found", { status: 404 });
  const meta = `${t("positioning.version", { version: plan.version })} · ${plan.updatedAt.toISOString().slice(0, 10)}`;
  const body = planMarkdown(plan.name, plan.answers, t as unknown as Translate, custom, meta);
  const filename = encodeURIComponent(`${plan.name}.md`);
  return new Response(body, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="plan.md"; filename*=UTF-8''${filename}`,
      "Cache-Control": "no-store",
    },
  });
});
