import { redirect } from "next/navigation";
import { getWorkspaceContext } from "@/lib/workspaces/context";

/**
 * Where a workspace opens: viewers (the store owner's read-only seat, the boss) land on the owner
 * overview of the dashboards; operators and owners on their working area, positioning, with the
 * overview one click away in the sidebar (数据).
 */
export default async function WorkspaceHome({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await getWorkspaceContext(workspace);
  redirect(ctx.role === "viewer" ? `/w/${ctx.workspace.id}/dashboards` : `/w/${ctx.workspace.id}/positioning`);
}
