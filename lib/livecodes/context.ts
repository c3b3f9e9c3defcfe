import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { getLiveCode } from "./queries";

/** A live-code page's data; another workspace's code (or a malformed id) is not found. */
export const getLiveCodeContext = cache(async (workspaceId: string, liveCodeId: string) => {
  const ctx = await getWorkspaceContext(workspaceId);
  if (!isUuid(liveCodeId)) notFound();
  const code = await getLiveCode(getDb(), { workspaceId: ctx.workspace.id, liveCodeId });
  if (!code) notFound();
  return { ...ctx, code };
});
