"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { archivePlanAction, duplicatePlanAction, renamePlanAction } from "../actions";

const small = "min-h-8 px-2 py-1";

export function PlanRowActions({ workspaceId, planId, name, archived }: { workspaceId: string; planId: string; name: string; archived: boolean }) {
  const t = useTranslations("positioning");
  const [renaming, setRenaming] = useState(false);
  const rename = useActionForm(renamePlanAction.bind(null, workspaceId));
  const archive = useActionForm(archivePlanAction.bind(null, workspaceId));
  const duplicate = useActionForm(duplicatePlanAction.bind(null, workspaceId));
  const error = [archive, duplicate].find((f) => f.state && !f.state.ok)?.formError;

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
      <form onSubmit={duplicate.onSubmit}>
        <input type="hidden" name="planId" value={planId} />
        <Button type="submit" variant="ghost" pending={duplicate.pending} className={small}>
          {t("duplicate")}
        </Button>
      </form>
      <form onSubmit={archive.onSubmit}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="archived" value={archived ? "false" : "true"} />
        <Button type="submit" variant="ghost" pending={archive.pending} className={small}>
          {archived ? t("unarchive") : t("archive")}
        </Button>
      </form>
      {error ? <FormMessage error={error} /> : null}
    </div>
  );
}
