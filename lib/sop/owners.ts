import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentVariants, groupStaff } from "@/db/schema";
import type { SopOwnerRole } from "./schema";

export type OwnerResolver = (groupId: string, role: SopOwnerRole) => string | null;

/**
 * Who does a step in a group: group_owner → the group's owner in group_staff, group_admin → its
 * first admin (oldest account first, so the choice is stable), operator → the person who applied
 * the template. A group without such staff falls back to that person too.
 */
export async function ownerResolver(db: DbOrTx, workspaceId: string, groupIds: string[], applyingUserId: string | null): Promise<OwnerResolver> {
  const staff = groupIds.length
    ? await db
        .select({ groupId: groupStaff.groupId, userId: groupStaff.userId, role: groupStaff.role })
        .from(groupStaff)
        .where(and(eq(groupStaff.workspaceId, workspaceId), inArray(groupStaff.groupId, groupIds)))
        .orderBy(asc(groupStaff.userId))
    : [];
  return (groupId, role) => {
    const wanted = role === "group_owner" ? "owner" : role === "group_admin" ? "admin" : null;
    const found = wanted ? staff.find((s) => s.groupId === groupId && s.role === wanted) : undefined;
    return found?.userId ?? applyingUserId;
  };
}

/** A library step without a chosen variant posts the item's first variant ("A"). */
export async function firstVariants(db: DbOrTx, workspaceId: string, itemIds: string[]): Promise<Map<string, string>> {
  if (!itemIds.length) return new Map();
  const rows = await db
    .select({ itemId: contentVariants.itemId, id: contentVariants.id })
    .from(contentVariants)
    .where(and(eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.itemId, itemIds)))
    .orderBy(asc(contentVariants.position), asc(contentVariants.label));
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.itemId)) map.set(r.itemId, r.id);
  return map;
}
