import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requireSession } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getMembership } from "./queries";

/**
 * The workspace a page belongs to, for the signed-in user. Pages call this themselves (layouts
 * are not re-run on every navigation); a workspace the user is not in is simply not found.
 */
export const getWorkspaceContext = cache(async (workspaceId: string) => {
  const session = await requireSession();
  if (!isUuid(workspaceId)) notFound();
  const membership = await getMembership(getDb(), { workspaceId, userId: session.user.id });
  if (!membership) notFound();
  return { session, workspace: membership.workspace, role: membership.role };
});
