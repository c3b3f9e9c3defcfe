"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { NewPasswordField } from "../_components/new-password-field";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const t = useTranslations("auth");
  const form = useActionForm(signUpAction);
  return (
    <Card>
      <h1 className="text-xl font-semibold">{t("signUpTitle")}</h1>
      <p className="mb-4 mt-1 text-sm text-stone-600">{t("signUpLead")}</p>
      <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
        <Field label={t("name")} name="name" autoComplete="name" required error={form.fieldError("name")} />
        <Field label={t("email")} name="email" type="email" autoComplete="email" required error={form.fieldError("email")} />
        <NewPasswordField error={form.fieldError("password")} />
        <Field label={t("workspaceName")} name="workspaceName" required error={form.fieldError("workspaceName")} />
        <FormMessage error={form.formError} />
        <Button type="submit" pending={form.pending} className="w-full">
          {t("signUpButton")}
        </Button>
      </form>
      <p className="mt-4 text-sm text-stone-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="text-emerald-700 underline">
          {t("goSignIn")}
        </Link>
      </p>
    </Card>
  );
}
