"use client";

import { WelcomeEditor } from "@/components/rules/welcome-editor";
import type { WelcomeContent } from "@/lib/rules/welcome";
import { saveWelcomeAction } from "../../../rules/actions";

type Props = {
  workspaceId: string;
  groupId: string;
  groupName: string;
  initial: WelcomeContent;
  canEdit: boolean;
  sender: string;
  drafts: { label: string; content: WelcomeContent }[];
};

export function GroupWelcome({ workspaceId, groupId, groupName, ...rest }: Props) {
  return (
    <WelcomeEditor
      {...rest}
      name={groupName}
      title={groupName}
      save={(input) => saveWelcomeAction(workspaceId, null, { ...input, groupId })}
    />
  );
}
