"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { archiveContentItemAction, deleteContentItemAction, restoreContentItemAction } from "../actions";

/** Archive or restore any item; delete only one nothing uses (the server checks again). */
export function ItemActions({ workspaceId, itemId, archived, deletable }: { workspaceId: string; itemId: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("content");
  const router = useRouter();
  const remove = useActionForm(deleteContentItemAction.bind(null, workspaceId));
  useEffect(() => {
    if (remove.state?.ok) router.push(`/w/${workspaceId}/calendar/content`);
  }, [remove.state, router, workspaceId]);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {archived ? (
        <ActionButton action={restoreContentItemAction.bind(null, workspaceId)} fields={{ itemId }} label={t("restore")} variant="secondary" />
      ) : (
        <ActionButton action={archiveContentItemAction.bind(null, workspaceId)} fields={{ itemId }} label={t("archive")} variant="secondary" confirm={t("archiveConfirm")} />
      )}
      {deletable ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            if (!window.confirm(t("deleteConfirm"))) return e.preventDefault();
            remove.onSubmit(e);
          }}
        >
          <input type="hidden" name="itemId" value={itemId} />
          <Button type="submit" variant="danger" pending={remove.pending} className="min-h-8 px-2 py-1">
            {t("delete")}
          </Button>
          {remove.state && !remove.state.ok ? <FormMessage error={remove.formError} /> : null}
        </form>
      ) : (
        <span className="text-xs text-stone-500">{t("deleteBlocked")}</span>
      )}
    </div>
  );
}
