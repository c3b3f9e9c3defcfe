"use server";

import { userAction } from "@/lib/action";
import { createWorkspace } from "@/lib/workspaces/commands";
import { createWorkspaceSchema } from "@/lib/workspaces/schema";

export const createWorkspaceAction = userAction(createWorkspaceSchema, ({ db, session }, input) =>
  createWorkspace(db, { ownerId: session.user.id, name: input.name }),
);
