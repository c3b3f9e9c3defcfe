import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { communityTypeLabel, type Translate } from "@/lib/positioning/format";
import { PRESET_TYPE_KEYS, customTypeKey } from "@/lib/positioning/presets";
import { listCommunityTypes, listPlans } from "@/lib/positioning/queries";

/** What the group form and filters offer: types, plans (with what a group inherits) and staff. */
export async function groupFormOptions(db: DbOrTx, workspaceId: string, t: Translate) {
  const [custom, plans, staff] = await Promise.all([
    listCommunityTypes(db, workspaceId),
    listPlans(db, { workspaceId }),
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .orderBy(asc(users.name)),
  ]);
  const types = [
    ...PRESET_TYPE_KEYS.map((k) => ({ value: k as string, label: communityTypeLabel(k, t, custom) })),
    ...custom.map((c) => ({ value: customTypeKey(c.id), label: c.name })),
  ];
  return { types, plans: plans.map((p) => ({ id: p.id, name: p.name })), staff, custom };
}
