import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { getPlan, listCommunityTypes } from "./queries";

/** A plan page's data; another workspace's plan (or a malformed id) is not found. */
export const getPlanContext = cache(async (workspaceId: string, planId: string) => {
  const ctx = await getWorkspaceContext(workspaceId);
  if (!isUuid(planId)) notFound();
  const [plan, customTypes] = await Promise.all([getPlan(getDb(), { workspaceId: ctx.workspace.id, planId }), listCommunityTypes(getDb(), ctx.workspace.id)]);
  if (!plan) notFound();
  return { ...ctx, plan, customTypes };
});
