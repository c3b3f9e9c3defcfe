import { redirect } from "next/navigation";
import { getWorkspaceContext } from "@/lib/workspaces/context";

/** A workspace opens on its first area; store owners' overview joins the dashboards later. */
export default async function WorkspaceHome({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await getWorkspaceContext(workspace);
  redirect(`/w/${ctx.workspace.id}/positioning`);
}
