"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { rotateOrdersSecretAction, saveAttributionWindowAction } from "../actions";

type Props = { workspaceId: string; hasSecret: boolean; windowDays: number; canEdit: boolean };

/** The order secret (shown once after it is made) and the attribution window. Owners only change them. */
export function OrdersSetup({ workspaceId, hasSecret, windowDays, canEdit }: Props) {
  const t = useTranslations("ordersSetup");
  const tc = useTranslations("common");
  const rotate = useActionForm(rotateOrdersSecretAction.bind(null, workspaceId));
  const save = useActionForm(saveAttributionWindowAction.bind(null, workspaceId));
  const secret = rotate.state?.ok ? rotate.state.data.secret : null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="secret-title" className="space-y-2">
        <h3 id="secret-title" className="text-sm font-semibold text-stone-800">
          {t("secretTitle")}
        </h3>
        <p className="text-sm text-stone-700" role="status">
          {hasSecret || secret ? t("secretSet") : t("secretNone")}
        </p>
        {secret ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
            <label htmlFor="orders-secret" className="block text-sm font-medium text-amber-900">
              {t("secretOnce")}
            </label>
            <p className="mt-1 text-xs text-amber-900">{t("secretOnceHint")}</p>
            <div className="mt-2 flex gap-2">
              <input id="orders-secret" readOnly value={secret} className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm" />
              <CopyButton text={secret} />
            </div>
          </div>
        ) : null}
        {canEdit ? (
          <form
            onSubmit={(e) => {
              if ((hasSecret || secret) && !window.confirm(t("rotateConfirm"))) return e.preventDefault();
              rotate.onSubmit(e);
            }}
            className="flex flex-wrap items-center gap-3"
          >
            <Button type="submit" variant={hasSecret ? "secondary" : "primary"} pending={rotate.pending}>
              {hasSecret || secret ? t("rotate") : t("create")}
            </Button>
            <FormMessage error={rotate.state && !rotate.state.ok ? rotate.formError : undefined} />
          </form>
        ) : null}
      </section>
      <form onSubmit={save.onSubmit} className="space-y-3" noValidate aria-labelledby="window-title">
        <h3 id="window-title" className="text-sm font-semibold text-stone-800">
          {t("windowTitle")}
        </h3>
        <div className="max-w-xs">
          <Field label={t("windowDays")} hint={t("windowHint")} name="attributionWindowDays" type="number" min={1} max={90} defaultValue={windowDays} disabled={!canEdit} error={save.fieldError("attributionWindowDays")} />
        </div>
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={save.pending}>
              {t("saveWindow")}
            </Button>
            <FormMessage error={save.state && !save.state.ok ? save.formError : undefined} success={save.state?.ok ? tc("saved") : undefined} />
          </div>
        ) : null}
      </form>
    </div>
  );
}
