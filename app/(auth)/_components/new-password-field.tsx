"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** The password of a new account, with its rule as the hint: sign-up and invite sign-up share it. */
export function NewPasswordField({ error }: { error?: string }) {
  const t = useTranslations("auth");
  return <Field label={t("password")} name="password" type="password" autoComplete="new-password" hint={t("passwordHint")} required error={error} />;
}
