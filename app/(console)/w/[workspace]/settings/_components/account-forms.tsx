"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction, updateProfileAction } from "../actions";

export function AccountForms({ name }: { name: string }) {
  const t = useTranslations();
  const profile = useActionForm(updateProfileAction);
  const password = useActionForm(changePasswordAction);
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form onSubmit={profile.onSubmit} className="space-y-3" noValidate>
        <Field label={t("settings.profileName")} name="name" defaultValue={name} required error={profile.fieldError("name")} />
        <FormMessage error={profile.state?.ok ? undefined : profile.formError} success={profile.state?.ok ? t("common.saved") : undefined} />
        <Button type="submit" pending={profile.pending}>
          {t("settings.saveProfile")}
        </Button>
      </form>
      <form onSubmit={password.onSubmit} className="space-y-3" noValidate>
        <h3 className="text-sm font-semibold text-stone-800">{t("settings.changePassword")}</h3>
        <Field label={t("settings.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" error={password.fieldError("currentPassword")} />
        <Field label={t("settings.newPassword")} name="newPassword" type="password" autoComplete="new-password" hint={t("auth.passwordHint")} error={password.fieldError("newPassword")} />
        <Field label={t("settings.confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" error={password.fieldError("confirmPassword")} />
        <FormMessage error={password.state?.ok ? undefined : password.formError} success={password.state?.ok ? t("settings.passwordChanged") : undefined} />
        <Button type="submit" pending={password.pending}>
          {t("settings.changePassword")}
        </Button>
      </form>
    </div>
  );
}
