"use server";

import { getTranslations } from "next-intl/server";
import { workspaceAction } from "@/lib/action";
import {
  createCommunityType,
  createPlan,
  deleteCommunityType,
  duplicatePlan,
  renamePlan,
  restoreVersion,
  savePlan,
  setPlanArchived,
} from "@/lib/positioning/commands";
import {
  archivePlanSchema,
  createCommunityTypeSchema,
  createPlanSchema,
  deleteCommunityTypeSchema,
  planRefSchema,
  renamePlanSchema,
  restoreVersionSchema,
  savePlanSchema,
} from "@/lib/positioning/schema";

const plan = (planId: string) => ({ targetType: "positioning", targetId: planId });

export const createPlanAction = workspaceAction(
  { role: "operator", schema: createPlanSchema, revalidate: "positioning" },
  ({ db, workspaceId, session }, input) => createPlan(db, { workspaceId, userId: session.user.id, name: input.name, starter: input.starter }),
  (i, d) => ({ action: "positioning.create", ...plan(d.planId), data: { name: i.name, starter: i.starter } }),
);

export const savePlanAction = workspaceAction(
  { role: "operator", schema: savePlanSchema, revalidate: "positioning" },
  ({ db, workspaceId, session }, input) => savePlan(db, { workspaceId, userId: session.user.id, ...input }),
  (i, d) => ({ action: "positioning.save", ...plan(i.planId), data: { version: d.version } }),
);

export const renamePlanAction = workspaceAction(
  { role: "operator", schema: renamePlanSchema, revalidate: "positioning" },
  ({ db, workspaceId, session }, input) => renamePlan(db, { workspaceId, userId: session.user.id, ...input }),
  (i) => ({ action: "positioning.rename", ...plan(i.planId), data: { name: i.name } }),
);

export const archivePlanAction = workspaceAction(
  { role: "operator", schema: archivePlanSchema, revalidate: "positioning" },
  ({ db, workspaceId }, input) => setPlanArchived(db, { workspaceId, ...input }),
  (i) => ({ action: i.archived ? "positioning.archive" : "positioning.unarchive", ...plan(i.planId) }),
);

export const duplicatePlanAction = workspaceAction(
  { role: "operator", schema: planRefSchema, revalidate: "positioning" },
  async ({ db, workspaceId, session }, input) => {
    const t = await getTranslations("positioning");
    return duplicatePlan(db, { workspaceId, userId: session.user.id, planId: input.planId, copySuffix: t("copySuffix") });
  },
  (i, d) => ({ action: "positioning.duplicate", ...plan(d.planId), data: { from: i.planId } }),
);

export const restoreVersionAction = workspaceAction(
  { role: "operator", schema: restoreVersionSchema, revalidate: "positioning" },
  ({ db, workspaceId, session }, input) => restoreVersion(db, { workspaceId, userId: session.user.id, ...input }),
  (i, d) => ({ action: "positioning.restore", ...plan(i.planId), data: { from: i.version, version: d.version } }),
);

export const createCommunityTypeAction = workspaceAction(
  { role: "operator", schema: createCommunityTypeSchema, revalidate: "positioning" },
  ({ db, workspaceId }, input) => createCommunityType(db, { workspaceId, ...input }),
  (i, d) => ({ action: "community_type.create", targetType: "community_type", targetId: d.id, data: { name: i.name } }),
);

export const deleteCommunityTypeAction = workspaceAction(
  { role: "operator", schema: deleteCommunityTypeSchema, revalidate: "positioning" },
  ({ db, workspaceId }, input) => deleteCommunityType(db, { workspaceId, typeId: input.typeId }),
  (i) => ({ action: "community_type.delete", targetType: "community_type", targetId: i.typeId }),
);
