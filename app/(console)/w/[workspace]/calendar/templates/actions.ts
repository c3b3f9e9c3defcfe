"use server";

import { workspaceAction } from "@/lib/action";
import { addStarter, createTemplate, deleteTemplate, saveTemplate } from "@/lib/sop/commands";
import { workspaceTimeZone } from "@/lib/workspaces/queries";
import { applyRun } from "@/lib/sop/runs";
import { addStarterSchema, applyRunSchema, createTemplateSchema, importTemplateSchema, saveTemplateSchema, syncRunsSchema, templateRefSchema } from "@/lib/sop/schema";
import { syncRuns } from "@/lib/sop/sync";

const target = (templateId: string) => ({ targetType: "sop_template", targetId: templateId });

export const createTemplateAction = workspaceAction(
  { role: "operator", schema: createTemplateSchema, revalidate: "calendar/templates" },
  ({ db, workspaceId, session }, { steps, ...fields }) => createTemplate(db, { workspaceId, userId: session.user.id, fields, steps: steps ?? [], nameClash: "error" }),
  (i, d) => ({ action: "sop_template.create", ...target(d.templateId), data: { name: d.name, steps: i.steps?.length ?? 0 } }),
);

export const addStarterAction = workspaceAction(
  { role: "operator", schema: addStarterSchema, revalidate: "calendar/templates" },
  ({ db, workspaceId, session }, i) => addStarter(db, { workspaceId, userId: session.user.id, starterKey: i.starterKey }),
  (i, d) => ({ action: "sop_template.add_starter", ...target(d.templateId), data: { starter: i.starterKey, name: d.name } }),
);

export const saveTemplateAction = workspaceAction(
  { role: "operator", schema: saveTemplateSchema, revalidate: "calendar/templates" },
  ({ db, workspaceId }, { templateId, baseVersion, steps, ...fields }) => saveTemplate(db, { workspaceId, templateId, baseVersion, fields, steps }),
  (i, d) => ({ action: "sop_template.save", ...target(i.templateId), data: { name: i.name, version: d.version, steps: i.steps.length } }),
);

export const deleteTemplateAction = workspaceAction(
  { role: "operator", schema: templateRefSchema, revalidate: "calendar/templates" },
  ({ db, workspaceId }, i) => deleteTemplate(db, { workspaceId, ...i }),
  (i, d) => ({ action: "sop_template.delete", ...target(i.templateId), data: { name: d.name } }),
);

export const importTemplateAction = workspaceAction(
  { role: "operator", schema: importTemplateSchema, revalidate: "calendar/templates" },
  ({ db, workspaceId, session }, { template: { steps, ...fields } }) => createTemplate(db, { workspaceId, userId: session.user.id, fields, steps, nameClash: "suffix" }),
  (i, d) => ({ action: "sop_template.import", ...target(d.templateId), data: { name: d.name, steps: i.template.steps.length } }),
);

export const applyRunAction = workspaceAction(
  { role: "operator", schema: applyRunSchema, revalidate: "calendar" },
  async ({ db, workspaceId, session }, i) => applyRun(db, { ...i, workspaceId, userId: session.user.id, timeZone: await workspaceTimeZone(db, workspaceId), now: new Date() }),
  (i, d) => ({ action: "sop_run.create", targetType: "sop_run", targetId: d.runId, data: { templateId: i.templateId, groups: i.groupIds.length, startDate: i.startDate, endDate: i.endDate, channel: i.channel, posts: d.created } }),
);

export const syncRunsAction = workspaceAction(
  { role: "operator", schema: syncRunsSchema, revalidate: "calendar" },
  ({ db, workspaceId, session }, i) => syncRuns(db, { workspaceId, templateId: i.templateId, templateVersion: i.templateVersion, userId: session.user.id, now: new Date() }),
  (i, d) => ({ action: "sop_run.sync", ...target(i.templateId), data: { version: i.templateVersion, ...d } }),
);
