"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { COST_KINDS, COST_SCOPES } from "@/lib/roi/schema";
import { createCostAction, updateCostAction } from "../actions";

export type CostValues = {
  costId?: string;
  scope: (typeof COST_SCOPES)[number];
  planId: string;
  groupId: string;
  postId: string;
  campaign: string;
  kind: (typeof COST_KINDS)[number];
  amount: string;
  staffHours: string;
  hourlyRate: string;
  incurredOn: string;
  note: string;
};

type Options = { plans: { id: string; name: string }[]; groups: { id: string; name: string }[]; posts: { id: string; label: string }[] };

/** One form for new and existing costs: the target field follows the scope, staff asks for hours × rate. */
export function CostForm({ workspaceId, values, options, backHref }: { workspaceId: string; values: CostValues; options: Options; backHref?: string }) {
  const t = useTranslations("roi");
  const router = useRouter();
  const editing = !!values.costId;
  const form = useActionForm(editing ? updateCostAction.bind(null, workspaceId) : createCostAction.bind(null, workspaceId), { resetOnSuccess: !editing });
  const [scope, setScope] = useState(values.scope);
  const [kind, setKind] = useState(values.kind);
  useEffect(() => {
    if (form.state?.ok && editing && backHref) router.push(backHref);
  }, [form.state, editing, backHref, router]);
  const pick = (rows: { id: string; name: string }[]) => [{ value: "", label: t("cost.pick") }, ...rows.map((r) => ({ value: r.id, label: r.name }))];

  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" noValidate>
      {editing ? <input type="hidden" name="costId" value={values.costId} /> : null}
      <SelectField label={t("cost.scope")} name="scope" value={scope} onChange={(e) => setScope(e.target.value as CostValues["scope"])} options={COST_SCOPES.map((s) => ({ value: s, label: t(`scopes.${s}`) }))} error={form.fieldError("scope")} />
      {scope === "plan" ? <SelectField label={t("cost.plan")} name="planId" defaultValue={values.planId} options={pick(options.plans)} error={form.fieldError("planId")} /> : null}
      {scope === "group" ? <SelectField label={t("cost.group")} name="groupId" defaultValue={values.groupId} options={pick(options.groups)} error={form.fieldError("groupId")} /> : null}
      {scope === "post" ? <SelectField label={t("cost.post")} name="postId" defaultValue={values.postId} options={pick(options.posts.map((p) => ({ id: p.id, name: p.label })))} error={form.fieldError("postId")} /> : null}
      {scope === "campaign" ? <Field label={t("cost.campaign")} name="campaign" defaultValue={values.campaign} placeholder={t("cost.campaignPlaceholder")} error={form.fieldError("campaign")} /> : null}
      <SelectField label={t("cost.kind")} name="kind" value={kind} onChange={(e) => setKind(e.target.value as CostValues["kind"])} options={COST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} error={form.fieldError("kind")} />
      {kind === "staff" ? (
        <>
          <Field label={t("cost.staffHours")} name="staffHours" inputMode="decimal" defaultValue={values.staffHours} hint={t("cost.staffHint")} error={form.fieldError("staffHours")} />
          <Field label={t("cost.hourlyRate")} name="hourlyRate" inputMode="decimal" defaultValue={values.hourlyRate} error={form.fieldError("hourlyRate")} />
        </>
      ) : (
        <Field label={t("cost.amount")} name="amount" inputMode="decimal" defaultValue={values.amount} hint={t("cost.amountHint")} error={form.fieldError("amount")} />
      )}
      <Field label={t("cost.incurredOn")} name="incurredOn" type="date" defaultValue={values.incurredOn} error={form.fieldError("incurredOn")} />
      <Field label={t("cost.note")} name="note" defaultValue={values.note} error={form.fieldError("note")} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" pending={form.pending}>
          {editing ? t("saveCost") : t("addCost")}
        </Button>
        {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
        {form.state?.ok && !editing ? <FormMessage success={t("costSaved")} /> : null}
      </div>
    </form>
  );
}
