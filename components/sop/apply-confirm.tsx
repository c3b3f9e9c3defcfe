"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult, ActionState } from "@/lib/action-result";

type Applied = { runId: string; created: number; skippedDuplicate: number; skippedPast: number };

/** The confirm step: the same inputs the preview was made from, sent to the apply action. */
export function ApplyConfirm({
  action,
  fields,
  groupIds,
  total,
  calendarHref,
}: {
  action: (prev: ActionState<Applied>, input: FormData) => Promise<ActionResult<Applied>>;
  fields: Record<string, string>;
  groupIds: string[];
  total: number;
  calendarHref: string;
}) {
  const t = useTranslations("sopApply");
  const form = useActionForm(action);
  if (form.state?.ok) {
    return (
      <div className="space-y-2">
        <FormMessage success={t("created", { count: form.state.data.created })} />
        <Link href={calendarHref} className="text-sm text-emerald-700 underline">
          {t("openCalendar")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {groupIds.map((id) => (
        <input key={id} type="hidden" name="groupIds" value={id} />
      ))}
      <Button type="submit" pending={form.pending} disabled={total === 0}>
        {t("confirm", { count: total })}
      </Button>
      <FormMessage error={form.fieldError("endDate") ?? form.fieldError("groupIds") ?? form.fieldError("startDate") ?? form.formError} />
    </form>
  );
}
