"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { WelcomeEditor } from "@/components/rules/welcome-editor";
import { emptyWelcome, type WelcomeContent } from "@/lib/rules/welcome";
import { deleteTemplateAction, saveWelcomeAction } from "../actions";

type Props = { workspaceId: string; templates: { id: string; name: string; content: WelcomeContent }[]; canEdit: boolean; sender: string };

/** Reusable welcome messages: a group's page offers them as a starting point. */
export function TemplatesTab({ workspaceId, templates, canEdit, sender }: Props) {
  const t = useTranslations("rules");
  return (
    <div className="space-y-4">
      {templates.length === 0 ? <p className="text-sm text-stone-500">{t("noTemplates")}</p> : null}
      {templates.map((tpl) => (
        <details key={tpl.id} className="rounded-md border border-stone-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">{tpl.name}</summary>
          <div className="mt-3 space-y-3">
            <WelcomeEditor
              initial={tpl.content}
              name={tpl.name}
              nameEditable
              title={tpl.name}
              sender={sender}
              canEdit={canEdit}
              drafts={[]}
              save={(input) => saveWelcomeAction(workspaceId, null, { ...input, templateId: tpl.id })}
            />
            {canEdit ? <ActionButton action={deleteTemplateAction.bind(null, workspaceId)} fields={{ templateId: tpl.id }} label={t("deleteTemplate")} variant="danger" /> : null}
          </div>
        </details>
      ))}
      {canEdit ? (
        <details className="rounded-md border border-dashed border-stone-300 p-3">
          <summary className="cursor-pointer text-sm font-medium text-emerald-800">{t("newTemplate")}</summary>
          <div className="mt-3">
            <WelcomeEditor initial={emptyWelcome()} name="" nameEditable title={t("newTemplate")} sender={sender} canEdit drafts={[]} save={(input) => saveWelcomeAction(workspaceId, null, input)} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
