"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { restoreVersionAction } from "../../actions";

export function RestoreButton({ workspaceId, planId, version }: { workspaceId: string; planId: string; version: number }) {
  const t = useTranslations("positioning");
  return (
    <ActionButton
      action={restoreVersionAction.bind(null, workspaceId)}
      fields={{ planId, version }}
      label={t("restore")}
      ariaLabel={`${t("restore")} ${version}`}
      variant="secondary"
    />
  );
}
