"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { renameWorkspaceAction } from "../actions";

export function WorkspaceNameForm({ workspaceId, name, canEdit }: { workspaceId: string; name: string; canEdit: boolean }) {
  const t = useTranslations();
  const form = useActionForm(renameWorkspaceAction.bind(null, workspaceId));
  if (!canEdit) {
    return (
      <p className="text-sm">
        <span className="text-stone-500">{t("settings.workspaceName")}:</span> {name}
      </p>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-60 flex-1">
        <Field label={t("settings.workspaceName")} name="name" defaultValue={name} required error={form.fieldError("name")} />
      </div>
      <Button type="submit" pending={form.pending}>
        {t("settings.saveWorkspace")}
      </Button>
      <div className="w-full">
        <FormMessage error={form.state?.ok ? undefined : form.formError} success={form.state?.ok ? t("common.saved") : undefined} />
      </div>
    </form>
  );
}
