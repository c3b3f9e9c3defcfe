"use server";

import { workspaceAction } from "@/lib/action";
import { declareWinner, startExperiment, stopExperiment } from "@/lib/experiments/commands";
import { declareWinnerSchema, experimentRefSchema, startExperimentSchema } from "@/lib/experiments/schema";

const target = (experimentId: string) => ({ targetType: "experiment", targetId: experimentId });

export const startExperimentAction = workspaceAction(
  { role: "operator", schema: startExperimentSchema, revalidate: "dashboards/experiments" },
  ({ db, workspaceId, session }, input) => startExperiment(db, { workspaceId, userId: session.user.id, input }),
  (i, d) => ({ action: "experiment.start", ...target(d.experimentId), data: { name: i.name, mode: i.mode, assignments: d.assignments, updatedPosts: d.updatedPosts } }),
);

export const declareWinnerAction = workspaceAction(
  { role: "operator", schema: declareWinnerSchema, revalidate: "dashboards/experiments" },
  ({ db, workspaceId }, i) => declareWinner(db, { workspaceId, ...i }),
  (i, d) => ({ action: "experiment.decide", ...target(i.experimentId), data: { name: d.name, winnerVariantId: i.winnerVariantId, updatedPosts: d.updatedPosts } }),
);

export const stopExperimentAction = workspaceAction(
  { role: "operator", schema: experimentRefSchema, revalidate: "dashboards/experiments" },
  ({ db, workspaceId }, i) => stopExperiment(db, { workspaceId, ...i }),
  (i, d) => ({ action: "experiment.stop", ...target(i.experimentId), data: { name: d.name } }),
);
