"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActivityRuleValues } from "@/lib/members/activity";
import { SCORED_KINDS } from "@/lib/members/activity";
import { saveActivityRuleAction } from "../actions";

export function ActivityRuleForm({ workspaceId, rule, canEdit }: { workspaceId: string; rule: ActivityRuleValues; canEdit: boolean }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const form = useActionForm(saveActivityRuleAction.bind(null, workspaceId));
  const number = (name: string, label: string, value: number) => (
    <Field key={name} label={label} name={name} type="number" min={0} defaultValue={value} disabled={!canEdit} error={form.fieldError(name)} />
  );
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-3 sm:grid-cols-4">{SCORED_KINDS.map((k) => number(k, t("pointsLabel", { kind: t(`points.${k}`) }), rule.points[k]))}</div>
      <div className="grid gap-3 sm:grid-cols-3">
        {number("halfLifeDays", t("halfLife"), rule.halfLifeDays)}
        {number("recallBelow", t("recallBelow"), rule.recallBelow)}
        {number("silentDays", t("silentDays"), rule.silentDays)}
        {number("deadActiveRatio", t("deadActiveRatio"), rule.deadActiveRatio)}
        {number("deadSilentDays", t("deadSilentDays"), rule.deadSilentDays)}
      </div>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" pending={form.pending}>
            {t("saveRule")}
          </Button>
          <FormMessage error={form.state && !form.state.ok ? form.formError : undefined} success={form.state?.ok ? tc("saved") : undefined} />
        </div>
      ) : null}
    </form>
  );
}
