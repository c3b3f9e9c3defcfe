import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { getGroup } from "./queries";

/** A group page's data; another workspace's group (or a malformed id) is not found. */
export const getGroupContext = cache(async (workspaceId: string, groupId: string) => {
  const ctx = await getWorkspaceContext(workspaceId);
  if (!isUuid(groupId)) notFound();
  const group = await getGroup(getDb(), { workspaceId: ctx.workspace.id, groupId });
  if (!group) notFound();
  return { ...ctx, group };
});
