"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_FILL_DAYS } from "@/lib/content/columns";
import { fillFromColumnsAction } from "../actions";

type Props = { workspaceId: string; groups: { id: string; name: string; typeLabel: string; columns: number }[]; from: string; to: string };

/** "Fill the calendar from columns": groups × days → scheduled manual posts; safe to run again. */
export function FillForm({ workspaceId, groups, from, to }: Props) {
  const t = useTranslations("contentColumns");
  const form = useActionForm(fillFromColumnsAction.bind(null, workspaceId));
  const result = form.state?.ok ? form.state.data : null;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">{t("fill.groups")}</legend>
        {groups.length === 0 ? <p className="text-sm text-amber-800">{t("fill.noGroups")}</p> : null}
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((g) => (
            <label key={g.id} className="flex items-start gap-2 rounded-md border border-stone-200 px-3 py-2 text-sm">
              <input type="checkbox" name="groupIds" value={g.id} className="mt-1" />
              <span>
                <span className="font-medium text-stone-900">{g.name}</span>
                <span className="block text-xs text-stone-500">{t("fill.groupHint", { type: g.typeLabel || t("fill.noType"), n: g.columns })}</span>
              </span>
            </label>
          ))}
        </div>
        {form.fieldError("groupIds") ? <p className="text-sm text-red-700">{form.fieldError("groupIds")}</p> : null}
      </fieldset>
      <div className="grid max-w-md gap-4 sm:grid-cols-2">
        <Field label={t("fill.from")} name="from" type="date" defaultValue={from} error={form.fieldError("from")} />
        <Field label={t("fill.to")} name="to" type="date" defaultValue={to} error={form.fieldError("to")} hint={t("fill.toHint", { max: MAX_FILL_DAYS })} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.pending} disabled={groups.length === 0}>
          {t("fill.submit")}
        </Button>
        {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
        {result ? <FormMessage success={[t("fill.result", { created: result.created, skipped: result.skipped }), result.past ? t("fill.past", { n: result.past }) : "", result.nonexistent ? t("fill.nonexistent", { n: result.nonexistent }) : ""].filter(Boolean).join(" ")} /> : null}
      </div>
    </form>
  );
}
