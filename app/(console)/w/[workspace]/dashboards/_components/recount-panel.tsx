"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult, ActionState } from "@/lib/action-result";

type Result = { checked: number; differences: number; rebuiltRows: number | null; remaining: number; sample: { day: string; groupId: string; postId: string; rollup: Record<string, number>; recount: Record<string, number> }[] };

/** The owner's check that the dashboards' rollups equal a recount from raw events, and the rebuild. */
export function RecountPanel({ action, from, to }: { action: (prev: ActionState<Result>, input: FormData) => Promise<ActionResult<Result>>; from: string; to: string }) {
  const t = useTranslations("dashboards.recount");
  const form = useActionForm(action);
  const result = form.state?.ok ? form.state.data : null;
  return (
    <div>
      <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("from")}</span>
          <input type="date" name="from" defaultValue={from} required className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("to")}</span>
          <input type="date" name="to" defaultValue={to} required className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
          {form.fieldError("to") ? <span className="block text-xs text-red-700">{form.fieldError("to")}</span> : null}
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="rebuild" value="1" />
          {t("rebuild")}
        </label>
        <Button type="submit" variant="secondary" pending={form.pending}>
          {t("run")}
        </Button>
      </form>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
      {result ? (
        <div role="status" className="mt-3 text-sm">
          {result.differences === 0 ? (
            <p className="text-emerald-800">{t("equal", { rows: result.checked })}</p>
          ) : (
            <>
              <p className="text-amber-800">{t("differ", { count: result.differences, rows: result.checked })}</p>
              {result.rebuiltRows !== null ? <p className="mt-1">{t("rebuilt", { rows: result.rebuiltRows, remaining: result.remaining })}</p> : <p className="mt-1 text-stone-600">{t("hint")}</p>}
              <ul className="mt-2 space-y-1 text-xs text-stone-600">
                {result.sample.map((d) => (
                  <li key={`${d.day}${d.postId}${d.groupId}`}>
                    {d.day}: {t("sample", { reachA: d.rollup.reach ?? 0, reachB: d.recount.reach ?? 0, ordersA: d.rollup.orders ?? 0, ordersB: d.recount.orders ?? 0, revA: (d.rollup.revenueCents ?? 0) / 100, revB: (d.recount.revenueCents ?? 0) / 100 })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
