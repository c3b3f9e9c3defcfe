"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { restoreVersionAction } from "../../actions";

export function RestoreButton({ workspaceId, planId, version }: { workspaceId: string; planId: string; version: number }) {
  const t = useTranslations("positioning");
  const form = useActionForm(restoreVersionAction.bind(null, workspaceId));
  return (
    <form onSubmit={form.onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" pending={form.pending} className="min-h-8 px-2 py-1" aria-label={`${t("restore")} ${version}`}>
        {t("restore")}
      </Button>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
    </form>
  );
}
