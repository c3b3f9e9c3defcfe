"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { ROLES } from "@/lib/auth/roles";
import { createInviteAction, revokeInviteAction } from "../actions";

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations();
  const form = useActionForm(createInviteAction.bind(null, workspaceId));
  const link = form.state?.ok ? `${window.location.origin}${form.state.data.path}` : null;
  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <Field label={t("settings.inviteEmail")} name="email" type="email" required error={form.fieldError("email")} />
        <SelectField
          label={t("settings.inviteRole")}
          name="role"
          defaultValue="operator"
          error={form.fieldError("role")}
          options={ROLES.map((r) => ({ value: r, label: `${t(`roles.${r}`)} · ${t(`roleHints.${r}`)}` }))}
        />
        <Button type="submit" pending={form.pending}>
          {t("settings.sendInvite")}
        </Button>
      </form>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
      {link ? (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <label htmlFor="invite-link" className="block text-sm font-medium text-emerald-900">
            {t("settings.inviteLink")}
          </label>
          <div className="mt-2 flex gap-2">
            <input id="invite-link" readOnly value={link} className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm" />
            <CopyButton text={link} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

type PendingInvite = { id: string; email: string; role: (typeof ROLES)[number]; expiresAt: string };

export function PendingInvites({ workspaceId, invites }: { workspaceId: string; invites: PendingInvite[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <div className="mt-6">
      <h3 className="text-sm font-semibold text-stone-800">{t("settings.pendingInvites")}</h3>
      {invites.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">{t("settings.noPendingInvites")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100 text-sm">
          {invites.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {i.email} · {t(`roles.${i.role}`)}{" "}
                <span className="text-xs text-stone-500">{t("settings.expires", { date: format.dateTime(new Date(i.expiresAt), { dateStyle: "medium" }) })}</span>
              </span>
              <ActionButton action={revokeInviteAction.bind(null, workspaceId)} fields={{ inviteId: i.id }} label={t("settings.revoke")} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
