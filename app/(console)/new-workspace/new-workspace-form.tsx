"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createWorkspaceAction } from "./actions";

export function NewWorkspaceForm() {
  const t = useTranslations("newWorkspace");
  const router = useRouter();
  const form = useActionForm(createWorkspaceAction);
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${form.state.data.id}`);
  }, [form.state, router]);
  return (
    <Card>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mb-4 mt-1 text-sm text-stone-600">{t("lead")}</p>
      <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
        <Field label={t("name")} name="name" required error={form.fieldError("name")} />
        <FormMessage error={form.formError} />
        <Button type="submit" pending={form.pending}>
          {t("create")}
        </Button>
      </form>
    </Card>
  );
}
