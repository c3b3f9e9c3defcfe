import type { Role } from "@/db/schema";

export const ROLES = ["owner", "operator", "viewer"] as const satisfies readonly Role[];

const rank: Record<Role, number> = { viewer: 0, operator: 1, owner: 2 };

/** Viewers read; operators also write inside the workspace; owners also manage people and secrets. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}
