"use server";

import { workspaceAction } from "@/lib/action";
import { addRosterMember, changeRosterRole, createGroup, removeFromRoster, setGroupsStage, updateGroup } from "@/lib/groups/commands";
import { addRosterMemberSchema, bulkStageSchema, changeRosterRoleSchema, createGroupSchema, rosterRefSchema, updateGroupSchema } from "@/lib/groups/schema";

const group = (groupId: string) => ({ targetType: "group", targetId: groupId });

export const createGroupAction = workspaceAction(
  { role: "operator", schema: createGroupSchema, revalidate: "groups" },
  ({ db, workspaceId }, fields) => createGroup(db, { workspaceId, fields }),
  (i, d) => ({ action: "group.create", ...group(d.groupId), data: { name: i.name, plan: i.positioningId } }),
);

export const updateGroupAction = workspaceAction(
  { role: "operator", schema: updateGroupSchema, revalidate: "groups" },
  ({ db, workspaceId }, { groupId, ...fields }) => updateGroup(db, { workspaceId, groupId, fields }),
  (i) => ({ action: "group.update", ...group(i.groupId), data: { name: i.name, stage: i.stage } }),
);

export const bulkStageAction = workspaceAction(
  { role: "operator", schema: bulkStageSchema, revalidate: "groups" },
  ({ db, workspaceId }, input) => setGroupsStage(db, { workspaceId, ...input }),
  (i) => ({ action: "group.bulk_stage", targetType: "group", data: { groups: i.groupIds, stage: i.stage } }),
);

export const addRosterMemberAction = workspaceAction(
  { role: "operator", schema: addRosterMemberSchema, revalidate: "groups" },
  ({ db, workspaceId }, i) =>
    addRosterMember(db, {
      workspaceId,
      groupId: i.groupId,
      person: { nickname: i.nickname, phone: i.phone, externalId: i.externalId },
      role: i.role,
      isStaff: i.isStaff,
      joinSource: i.joinSource,
    }),
  (i, d) => ({ action: "roster.add", ...group(i.groupId), data: { member: d.memberId, role: i.role } }),
);

export const removeFromRosterAction = workspaceAction(
  { role: "operator", schema: rosterRefSchema, revalidate: "groups" },
  ({ db, workspaceId }, i) => removeFromRoster(db, { workspaceId, ...i }),
  (i) => ({ action: "roster.remove", ...group(i.groupId), data: { membership: i.membershipId } }),
);

export const changeRosterRoleAction = workspaceAction(
  { role: "operator", schema: changeRosterRoleSchema, revalidate: "groups" },
  ({ db, workspaceId }, i) => changeRosterRole(db, { workspaceId, ...i }),
  (i) => ({ action: "roster.change_role", ...group(i.groupId), data: { membership: i.membershipId, role: i.role } }),
);
