import "server-only";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { getSession, type Session } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getMembership } from "@/lib/workspaces/queries";

export type RouteCtx = { workspaceId: string; role: Role; session: Session; timeZone: string };

/**
 * A route handler inside a workspace, with the same checks as the action wrapper: session,
 * membership and role looked up here. Another workspace answers 404, like a missing one.
 */
export function workspaceRoute<P extends { workspace: string }>(
  role: Role,
  handler: (request: Request, ctx: RouteCtx, params: P) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const p = await params;
    const session = await getSession();
    if (!session) return new Response("Unauthorized", { status: 401 });
    if (!isUuid(p.workspace)) return new Response("Not found", { status: 404 });
    const membership = await getMembership(getDb(), { workspaceId: p.workspace, userId: session.user.id });
    if (!membership) return new Response("Not found", { status: 404 });
    if (!hasRole(membership.role, role)) return new Response("Forbidden", { status: 403 });
    return handler(request, { workspaceId: p.workspace, role: membership.role, session, timeZone: membership.workspace.timeZone }, p);
  };
}
