"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult, ActionState } from "@/lib/action-result";

type Synced = { updated: number; cancelled: number; created: number; runs: number };

/** "Update future posts of its runs": the counts first, then one confirm. */
export function SyncRuns({
  action,
  templateId,
  version,
  counts,
}: {
  action: (prev: ActionState<Synced>, input: FormData) => Promise<ActionResult<Synced>>;
  templateId: string;
  version: number;
  counts: { updates: number; cancels: number; creates: number; runs: number };
}) {
  const t = useTranslations("sop");
  const form = useActionForm(action);
  if (form.state?.ok) return <FormMessage success={t("syncDone", form.state.data)} />;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3">
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="templateVersion" value={version} />
      <p className="text-sm text-stone-700" data-testid="sop-sync-counts">
        {t("syncCounts", { total: counts.updates + counts.cancels + counts.creates, runs: counts.runs, updates: counts.updates, cancels: counts.cancels, creates: counts.creates })}
      </p>
      <p className="text-xs text-stone-500">{t("syncRule")}</p>
      <Button type="submit" pending={form.pending}>
        {t("syncConfirm", { total: counts.updates + counts.cancels + counts.creates })}
      </Button>
      <FormMessage error={form.formError} />
    </form>
  );
}
