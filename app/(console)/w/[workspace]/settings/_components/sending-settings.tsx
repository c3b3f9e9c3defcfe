"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { PingResult } from "@/lib/dispatch/ping";
import type { CalendarSettings } from "@/lib/dispatch/settings";
import { removeWebhookAction, rotateWebhookSecretAction, saveCalendarRulesAction, saveWebhookAction, testWebhookAction } from "../actions";

type Props = { workspaceId: string; settings: CalendarSettings; canEdit: boolean };

/** Calendar rules and the webhook channel. Only owners change them; the secret is shown once. */
export function SendingSettings({ workspaceId, settings, canEdit }: Props) {
  return (
    <div className="space-y-8">
      <CalendarRulesForm workspaceId={workspaceId} settings={settings} canEdit={canEdit} />
      <WebhookSettings workspaceId={workspaceId} settings={settings} canEdit={canEdit} />
    </div>
  );
}

function CalendarRulesForm({ workspaceId, settings, canEdit }: Props) {
  const t = useTranslations("dispatchSettings");
  const tc = useTranslations("common");
  const form = useActionForm(saveCalendarRulesAction.bind(null, workspaceId));
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-labelledby="calendar-rules-title">
      <h3 id="calendar-rules-title" className="text-sm font-semibold text-stone-800">
        {t("rulesTitle")}
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("dailyLimit")} hint={t("dailyLimitHint")} name="dailyLimit" type="number" min={1} max={20} defaultValue={settings.dailyLimit} disabled={!canEdit} error={form.fieldError("dailyLimit")} />
        <Field label={t("hardDailyLimit")} hint={t("hardDailyLimitHint")} name="hardDailyLimit" type="number" min={1} max={50} defaultValue={settings.hardDailyLimit} disabled={!canEdit} error={form.fieldError("hardDailyLimit")} />
        <Field label={t("quietStart")} name="quietStart" type="time" defaultValue={settings.quietStart} disabled={!canEdit} error={form.fieldError("quietStart")} />
        <Field label={t("quietEnd")} hint={t("quietHint")} name="quietEnd" type="time" defaultValue={settings.quietEnd} disabled={!canEdit} error={form.fieldError("quietEnd")} />
      </div>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={form.pending}>
            {t("saveRules")}
          </Button>
          <FormMessage error={form.state && !form.state.ok ? form.formError : undefined} success={form.state?.ok ? tc("saved") : undefined} />
        </div>
      ) : null}
    </form>
  );
}

function SecretOnce({ secret }: { secret: string }) {
  const t = useTranslations("dispatchSettings");
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <label htmlFor="webhook-secret" className="block text-sm font-medium text-amber-900">
        {t("secretOnce")}
      </label>
      <p className="mt-1 text-xs text-amber-900">{t("secretOnceHint")}</p>
      <div className="mt-2 flex gap-2">
        <input id="webhook-secret" readOnly value={secret} className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm" />
        <CopyButton text={secret} />
      </div>
    </div>
  );
}

function WebhookSettings({ workspaceId, settings, canEdit }: Props) {
  const t = useTranslations("dispatchSettings");
  const save = useActionForm(saveWebhookAction.bind(null, workspaceId));
  const rotate = useActionForm(rotateWebhookSecretAction.bind(null, workspaceId));
  const test = useActionForm(testWebhookAction.bind(null, workspaceId));
  const remove = useActionForm(removeWebhookAction.bind(null, workspaceId));
  const configured = !!settings.webhookUrl && settings.hasWebhookSecret;
  // Only the latest answer that carried a secret is shown; a reload never shows it again.
  const secret = rotate.state?.ok ? rotate.state.data.secret : save.state?.ok ? save.state.data.secret : null;
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold text-stone-800">{t("webhookTitle")}</h3>
        <p className="mt-1 text-sm text-stone-600">{t("webhookLead")}</p>
        <p className="mt-1 text-sm text-stone-700" role="status">
          {configured ? t("webhookOn") : t("webhookOff")}
        </p>
      </div>
      <form onSubmit={save.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_10rem]" noValidate>
        <Field label={t("webhookUrl")} hint={t("webhookUrlHint")} name="url" type="url" inputMode="url" defaultValue={settings.webhookUrl ?? ""} placeholder="https://" disabled={!canEdit} error={save.fieldError("url")} />
        <Field label={t("maxAttempts")} name="maxAttempts" type="number" min={1} max={20} defaultValue={settings.webhookMaxAttempts} disabled={!canEdit} error={save.fieldError("maxAttempts")} />
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <Button type="submit" pending={save.pending}>
              {t("saveWebhook")}
            </Button>
            <FormMessage error={save.state && !save.state.ok ? save.formError : undefined} success={save.state?.ok ? t("webhookSaved") : undefined} />
          </div>
        ) : null}
      </form>
      {secret ? <SecretOnce secret={secret} /> : null}
      {canEdit && configured ? (
        <div className="flex flex-wrap items-start gap-3">
          <form onSubmit={test.onSubmit}>
            <Button type="submit" variant="secondary" pending={test.pending}>
              {t("sendTest")}
            </Button>
          </form>
          <form
            onSubmit={(e) => {
              if (!window.confirm(t("rotateConfirm"))) return e.preventDefault();
              rotate.onSubmit(e);
            }}
          >
            <Button type="submit" variant="secondary" pending={rotate.pending}>
              {t("rotateSecret")}
            </Button>
          </form>
          <form
            onSubmit={(e) => {
              if (!window.confirm(t("removeConfirm"))) return e.preventDefault();
              remove.onSubmit(e);
            }}
          >
            <Button type="submit" variant="danger" pending={remove.pending}>
              {t("removeWebhook")}
            </Button>
          </form>
        </div>
      ) : null}
      {test.state ? <TestResult result={test.state.ok ? test.state.data : null} error={test.state.ok ? undefined : test.formError} /> : null}
      {rotate.state && !rotate.state.ok ? <FormMessage error={rotate.formError} /> : null}
      {remove.state && !remove.state.ok ? <FormMessage error={remove.formError} /> : null}
    </div>
  );
}

function TestResult({ result, error }: { result: PingResult | null; error?: string }) {
  const t = useTranslations("dispatchSettings");
  if (!result) return <FormMessage error={error} />;
  if (result.delivered) return <FormMessage success={t("testDelivered", { status: result.status ?? 0 })} />;
  const why =
    result.status !== null
      ? t("testStatus", { status: result.status })
      : result.error === "refused"
        ? t("testRefused")
        : result.error === "timeout"
          ? t("testTimeout")
          : t("testNetwork", { code: result.error ?? "" });
  return <FormMessage error={t("testFailed", { why })} />;
}
