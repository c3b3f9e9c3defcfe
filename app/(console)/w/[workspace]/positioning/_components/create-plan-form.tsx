"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { STARTERS } from "@/lib/positioning/schema";
import { createPlanAction } from "../actions";

export function CreatePlanForm({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("positioning");
  const router = useRouter();
  const form = useActionForm(createPlanAction.bind(null, workspaceId));
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${workspaceId}/positioning/${form.state.data.planId}`);
  }, [form.state, router, workspaceId]);
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end" noValidate>
      <Field label={t("planName")} name="name" hint={t("planNameHint")} required error={form.fieldError("name")} />
      <SelectField
        label={t("starter")}
        name="starter"
        defaultValue=""
        error={form.fieldError("starter")}
        options={[{ value: "", label: t("starterNone") }, ...STARTERS.map((s) => ({ value: s, label: t(`options.starters.${s}`) }))]}
      />
      <Button type="submit" pending={form.pending} className="sm:mb-5">
        {t("createPlan")}
      </Button>
      {form.state && !form.state.ok && !form.state.fieldErrors ? (
        <div className="sm:col-span-3">
          <FormMessage error={form.formError} />
        </div>
      ) : null}
    </form>
  );
}
