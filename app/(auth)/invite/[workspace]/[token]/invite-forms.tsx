"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { NewPasswordField } from "../../../_components/new-password-field";
import { acceptInviteAction, acceptInviteWithSignUpAction } from "../../../actions";

export function AcceptInvite({ workspaceId, token }: { workspaceId: string; token: string }) {
  const t = useTranslations("invite");
  const router = useRouter();
  const form = useActionForm(acceptInviteAction);
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${form.state.data.workspaceId}`);
  }, [form.state, router]);
  return (
    <form onSubmit={form.onSubmit} className="space-y-4">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="token" value={token} />
      <FormMessage error={form.formError} />
      <Button type="submit" pending={form.pending}>
        {t("accept")}
      </Button>
    </form>
  );
}

export function InviteSignUpForm({ workspaceId, token, email }: { workspaceId: string; token: string; email: string }) {
  const t = useTranslations();
  const form = useActionForm(acceptInviteWithSignUpAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} />
      <Field label={t("auth.email")} name="emailShown" value={email} readOnly />
      <Field label={t("auth.name")} name="name" autoComplete="name" required error={form.fieldError("name")} />
      <NewPasswordField error={form.fieldError("password")} />
      <FormMessage error={form.formError} />
      <Button type="submit" pending={form.pending} className="w-full">
        {t("invite.createAccount")}
      </Button>
    </form>
  );
}
