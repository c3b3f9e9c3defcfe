"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const form = useActionForm(signInAction);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t("signInTitle")}</h1>
      <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <Field label={t("email")} name="email" type="email" autoComplete="email" required error={form.fieldError("email")} />
        <Field label={t("password")} name="password" type="password" autoComplete="current-password" required error={form.fieldError("password")} />
        <FormMessage error={form.formError} />
        <Button type="submit" pending={form.pending} className="w-full">
          {t("signInButton")}
        </Button>
      </form>
      <p className="mt-4 text-sm text-stone-600">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="text-emerald-700 underline">
          {t("goSignUp")}
        </Link>
      </p>
    </Card>
  );
}
