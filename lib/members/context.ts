import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { getMember } from "./queries";

/** A member page's data; another workspace's member (or a malformed id) is not found. */
export const getMemberContext = cache(async (workspaceId: string, memberId: string) => {
  const ctx = await getWorkspaceContext(workspaceId);
  if (!isUuid(memberId)) notFound();
  const detail = await getMember(getDb(), { workspaceId: ctx.workspace.id, memberId });
  if (!detail) notFound();
  return { ...ctx, ...detail };
});
