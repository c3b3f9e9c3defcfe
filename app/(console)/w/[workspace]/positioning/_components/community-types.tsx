"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { BUSINESS_STEPS, PRESET_TYPE_KEYS, PRESET_TYPES } from "@/lib/positioning/presets";
import { createCommunityTypeAction, deleteCommunityTypeAction } from "../actions";

type CustomType = { id: string; name: string; description: string; businessStep: string | null };

export function CommunityTypes({ workspaceId, types, canEdit }: { workspaceId: string; types: CustomType[]; canEdit: boolean }) {
  const t = useTranslations("positioning");
  const form = useActionForm(createCommunityTypeAction.bind(null, workspaceId), { resetOnSuccess: true });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="text-sm font-semibold text-stone-800">{t("presetTypes")}</h3>
        <ul className="mt-2 space-y-1 text-sm">
          {PRESET_TYPE_KEYS.map((key) => (
            <li key={key}>
              {t(`options.types.${key}`)} <span className="text-stone-500">· {t(`options.businessSteps.${PRESET_TYPES[key]}`)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-stone-800">{t("customTypes")}</h3>
        {types.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t("noCustomTypes")}</p> : null}
        <ul className="mt-2 space-y-1 text-sm">
          {types.map((ct) => (
            <li key={ct.id} className="flex items-center justify-between gap-2">
              <span>
                {ct.name}
                {ct.businessStep ? <span className="text-stone-500"> · {t(`options.businessSteps.${ct.businessStep}`)}</span> : null}
                {ct.description ? <span className="block text-xs text-stone-500">{ct.description}</span> : null}
              </span>
              {canEdit ? <ActionButton action={deleteCommunityTypeAction.bind(null, workspaceId)} fields={{ typeId: ct.id }} label={t("deleteType")} /> : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <form onSubmit={form.onSubmit} className="mt-4 space-y-3" noValidate>
            <Field label={t("typeName")} name="name" error={form.fieldError("name")} />
            <Field label={t("typeDescription")} name="description" error={form.fieldError("description")} />
            <SelectField
              label={t("typeStep")}
              name="businessStep"
              defaultValue=""
              options={[{ value: "", label: t("choose") }, ...BUSINESS_STEPS.map((s) => ({ value: s, label: t(`options.businessSteps.${s}`) }))]}
            />
            {form.state && !form.state.ok && !form.state.fieldErrors ? <FormMessage error={form.formError} /> : null}
            <Button type="submit" variant="secondary" pending={form.pending}>
              {t("addType")}
            </Button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
