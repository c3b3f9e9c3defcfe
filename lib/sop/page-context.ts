import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { getTemplate } from "./queries";

/** A template page's workspace and template; another workspace's template is simply not found. */
export async function getTemplateContext(workspaceId: string, templateId: string) {
  const ctx = await getWorkspaceContext(workspaceId);
  if (!isUuid(templateId)) notFound();
  const template = await getTemplate(getDb(), { workspaceId: ctx.workspace.id, templateId });
  if (!template) notFound();
  return { ...ctx, template };
}
