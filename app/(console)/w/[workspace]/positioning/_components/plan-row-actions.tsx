"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { archivePlanAction, duplicatePlanAction, renamePlanAction } from "../actions";

const small = "min-h-8 px-2 py-1";

export function PlanRowActions({ workspaceId, planId, name, archived }: { workspaceId: string; planId: string; name: string; archived: boolean }) {
  const t = useTranslations("positioning");
  const [renaming, setRenaming] = useState(false);
  const rename = useActionForm(renamePlanAction.bind(null, workspaceId));

  if (renaming && !rename.state?.ok) {
    return (
      <form onSubmit={rename.onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <input type="hidden" name="planId" value={planId} />
        <Field label={t("planName")} name="name" defaultValue={name} id={`rename-${planId}`} error={rename.fieldError("name")} />
        <Button type="submit" pending={rename.pending} className={small}>
          {t("saveName")}
        </Button>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap gap-1">
      <Button type="button" variant="ghost" className={small} onClick={() => setRenaming(true)}>
        {t("rename")}
      </Button>
      <ActionButton action={duplicatePlanAction.bind(null, workspaceId)} fields={{ planId }} label={t("duplicate")} />
      <ActionButton
        action={archivePlanAction.bind(null, workspaceId)}
        fields={{ planId, archived: archived ? "false" : "true" }}
        label={archived ? t("unarchive") : t("archive")}
      />
    </div>
  );
}
