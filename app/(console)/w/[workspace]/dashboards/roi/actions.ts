"use server";

import { workspaceAction } from "@/lib/action";
import { createCost, deleteCost, updateCost } from "@/lib/roi/commands";
import { costRefSchema, createCostSchema, updateCostSchema } from "@/lib/roi/schema";

const target = (costId: string) => ({ targetType: "cost", targetId: costId });

export const createCostAction = workspaceAction(
  { role: "operator", schema: createCostSchema, revalidate: "dashboards/roi" },
  ({ db, workspaceId, session }, cost) => createCost(db, { workspaceId, userId: session.user.id, cost }),
  (i, d) => ({ action: "cost.create", ...target(d.costId), data: { scope: i.scope, kind: i.kind, amountCents: i.amountCents, incurredOn: i.incurredOn } }),
);

export const updateCostAction = workspaceAction(
  { role: "operator", schema: updateCostSchema, revalidate: "dashboards/roi" },
  ({ db, workspaceId }, { costId, ...cost }) => updateCost(db, { workspaceId, costId, cost }),
  (i) => ({ action: "cost.update", ...target(i.costId), data: { scope: i.scope, kind: i.kind, amountCents: i.amountCents, incurredOn: i.incurredOn } }),
);

export const deleteCostAction = workspaceAction(
  { role: "operator", schema: costRefSchema, revalidate: "dashboards/roi" },
  ({ db, workspaceId }, i) => deleteCost(db, { workspaceId, ...i }),
  (i, d) => ({ action: "cost.delete", ...target(i.costId), data: { amountCents: d.amountCents, incurredOn: d.incurredOn } }),
);
