"use server";

import { workspaceAction } from "@/lib/action";
import { createLiveCode, deleteLiveCode, updateLiveCode } from "@/lib/livecodes/commands";
import { createLiveCodeSchema, liveCodeRefSchema, updateLiveCodeSchema } from "@/lib/livecodes/schema";

const target = (liveCodeId: string) => ({ targetType: "live_code", targetId: liveCodeId });

export const createLiveCodeAction = workspaceAction(
  { role: "operator", schema: createLiveCodeSchema, revalidate: "livecodes" },
  ({ db, workspaceId, session }, fields) => createLiveCode(db, { workspaceId, userId: session.user.id, fields }),
  (i, d) => ({ action: "live_code.create", ...target(d.liveCodeId), data: { name: i.name, slug: d.slug, groups: i.targets.map((t) => t.groupId) } }),
);

export const updateLiveCodeAction = workspaceAction(
  { role: "operator", schema: updateLiveCodeSchema, revalidate: "livecodes" },
  ({ db, workspaceId }, { liveCodeId, ...fields }) => updateLiveCode(db, { workspaceId, liveCodeId, fields }),
  (i) => ({ action: "live_code.update", ...target(i.liveCodeId), data: { name: i.name, capacity: i.capacity, groups: i.targets.map((t) => t.groupId) } }),
);

export const deleteLiveCodeAction = workspaceAction(
  { role: "operator", schema: liveCodeRefSchema, revalidate: "livecodes" },
  ({ db, workspaceId }, i) => deleteLiveCode(db, { workspaceId, ...i }),
  (i, d) => ({ action: "live_code.delete", ...target(i.liveCodeId), data: { slug: d.slug } }),
);
