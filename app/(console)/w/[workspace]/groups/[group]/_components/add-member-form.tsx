"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { MEMBER_ROLES } from "@/lib/groups/schema";
import { addRosterMemberAction } from "../../actions";

export function AddMemberForm({ workspaceId, groupId }: { workspaceId: string; groupId: string }) {
  const t = useTranslations("groups");
  const form = useActionForm(addRosterMemberAction.bind(null, workspaceId), { resetOnSuccess: true });
  return (
    <details className="rounded-md border border-stone-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-emerald-800">{t("addMember")}</summary>
      <form onSubmit={form.onSubmit} className="mt-3 grid gap-3 sm:grid-cols-3" noValidate>
        <input type="hidden" name="groupId" value={groupId} />
        <Field label={t("nickname")} name="nickname" error={form.fieldError("nickname")} />
        <Field label={t("phone")} name="phone" inputMode="tel" error={form.fieldError("phone")} />
        <Field label={t("externalId")} name="externalId" error={form.fieldError("externalId")} />
        <SelectField label={t("role")} name="role" defaultValue="member" options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <Field label={t("joinSource")} name="joinSource" error={form.fieldError("joinSource")} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="isStaff" /> {t("isStaff")}
        </label>
        <div className="flex items-center gap-3 sm:col-span-3">
          <Button type="submit" pending={form.pending}>
            {t("addMemberButton")}
          </Button>
          {form.state && !form.state.ok && !form.state.fieldErrors ? <FormMessage error={form.formError} /> : null}
        </div>
      </form>
    </details>
  );
}
