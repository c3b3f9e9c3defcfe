"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult, ActionState } from "@/lib/action-result";

type Created = { templateId: string; name: string };
type Act = (prev: ActionState<Created>, input: FormData) => Promise<ActionResult<Created>>;

function useOpenOnSuccess(state: ActionState<Created>, base: string) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`${base}/${state.data.templateId}`);
  }, [state, router, base]);
}

/** A blank template by name; the steps are added on its page. */
export function NewTemplateForm({ action, base }: { action: Act; base: string }) {
  const t = useTranslations("sop");
  const form = useActionForm(action);
  useOpenOnSuccess(form.state, base);
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-3">
      <div className="min-w-60 grow">
        <Field label={t("name")} name="name" required maxLength={60} error={form.fieldError("name")} />
      </div>
      <Button type="submit" pending={form.pending}>
        {t("createBlank")}
      </Button>
      {form.state && !form.state.ok && !form.fieldError("name") ? <FormMessage error={form.formError} /> : null}
    </form>
  );
}

/** "Add from starter": an editable copy in the workspace, opened right away. */
export function AddStarterButton({ action, base, starterKey, name }: { action: Act; base: string; starterKey: string; name: string }) {
  const t = useTranslations("sop");
  const form = useActionForm(action);
  useOpenOnSuccess(form.state, base);
  return (
    <form onSubmit={form.onSubmit}>
      <input type="hidden" name="starterKey" value={starterKey} />
      <Button type="submit" variant="secondary" pending={form.pending} aria-label={t("addStarterNamed", { name })}>
        {t("addStarter")}
      </Button>
      <FormMessage error={form.formError} />
    </form>
  );
}
