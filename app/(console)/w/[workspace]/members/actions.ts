"use server";

import { workspaceAction } from "@/lib/action";
import { QUEUES, jobSender } from "@/lib/jobs/queue";
import { prepareImport } from "@/lib/members/importer/commands";
import { startImportSchema } from "@/lib/members/importer/schema";
import { getActivityRule } from "@/lib/groups/health-queries";
import { bulkTag, createTag, createTagGroup, deleteTag, mergeMembers, tagMember } from "@/lib/members/commands";
import { bulkTagSchema, createTagGroupSchema, createTagSchema, deleteTagSchema, memberTagSchema, mergeMembersSchema } from "@/lib/members/schema";

export const createTagGroupAction = workspaceAction(
  { role: "operator", schema: createTagGroupSchema, revalidate: "members" },
  ({ db, workspaceId }, i) => createTagGroup(db, { workspaceId, ...i }),
  (i, d) => ({ action: "tag_group.create", targetType: "tag_group", targetId: d.id, data: { name: i.name } }),
);

export const createTagAction = workspaceAction(
  { role: "operator", schema: createTagSchema, revalidate: "members" },
  ({ db, workspaceId }, i) => createTag(db, { workspaceId, ...i }),
  (i, d) => ({ action: "tag.create", targetType: "tag", targetId: d.id, data: { name: i.name } }),
);

export const deleteTagAction = workspaceAction(
  { role: "operator", schema: deleteTagSchema, revalidate: "members" },
  ({ db, workspaceId }, i) => deleteTag(db, { workspaceId, ...i }),
  (i) => ({ action: "tag.delete", targetType: "tag", targetId: i.tagId }),
);

export const addMemberTagAction = workspaceAction(
  { role: "operator", schema: memberTagSchema, revalidate: "members" },
  ({ db, workspaceId }, i) => tagMember(db, { workspaceId, ...i, on: true }),
  (i) => ({ action: "member.tag", targetType: "member", targetId: i.memberId, data: { tag: i.tagId } }),
);

export const removeMemberTagAction = workspaceAction(
  { role: "operator", schema: memberTagSchema, revalidate: "members" },
  ({ db, workspaceId }, i) => tagMember(db, { workspaceId, ...i, on: false }),
  (i) => ({ action: "member.untag", targetType: "member", targetId: i.memberId, data: { tag: i.tagId } }),
);

export const bulkTagAction = workspaceAction(
  { role: "operator", schema: bulkTagSchema, revalidate: "members" },
  async ({ db, workspaceId }, i) => {
    const rule = i.recall ? await getActivityRule(db, workspaceId) : null;
    const recall = rule ? { below: rule.recallBelow, silentDays: rule.silentDays } : null;
    return bulkTag(db, { workspaceId, tagId: i.tagId, op: i.op, filter: { q: i.q, tag: i.tag || null, group: i.group || null, recall } });
  },
  (i, d) => ({ action: "member.bulk_tag", targetType: "tag", targetId: i.tagId, data: { op: i.op, count: d.count, filter: { q: i.q, tag: i.tag, group: i.group } } }),
);

export const mergeMembersAction = workspaceAction(
  { role: "operator", schema: mergeMembersSchema, revalidate: "members" },
  ({ db, workspaceId }, i) => mergeMembers(db, { workspaceId, ...i }),
  (i, d) => ({ action: "member.merge", targetType: "member", targetId: i.keepId, data: { merged: i.mergeId, movedStays: d.movedStays } }),
);

/** Check or import an uploaded roster; the worker does the reading, the page shows its progress. */
export const startImportAction = workspaceAction(
  {
    role: "operator",
    schema: startImportSchema,
    revalidate: "members",
    afterCommit: async ({ workspaceId }, i) => {
      await (await jobSender()).send(QUEUES.rosterImport, { workspaceId, importId: i.importId, mode: i.mode });
    },
  },
  ({ db, workspaceId }, i) => prepareImport(db, { workspaceId, importId: i.importId, groupId: i.groupId, mapping: i.mapping }),
  (i) => ({ action: i.mode === "check" ? "import.check" : "import.start", targetType: "roster_import", targetId: i.importId }),
);
