"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldFrame, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ContentCategory } from "@/db/schema";
import { WEEKDAYS } from "@/lib/content/columns";
import { CATEGORIES } from "@/lib/content/schema";
import { createColumnAction, updateColumnAction } from "../actions";

export type ColumnValues = {
  columnId?: string;
  name: string;
  category: ContentCategory;
  scope: string;
  weekday: string;
  timeOfDay: string;
  contentItemId: string;
  notes: string;
};

export type ScopeOptions = { types: { value: string; label: string }[]; groups: { value: string; label: string }[] };

type Props = { workspaceId: string; values: ColumnValues; scopes: ScopeOptions; items: { id: string; title: string }[] };

/** A column: where it applies (a type or one group), when (weekday or every day, local time) and what. */
export function ColumnForm({ workspaceId, values, scopes, items }: Props) {
  const t = useTranslations("contentColumns");
  const tc = useTranslations("content");
  const router = useRouter();
  const editing = !!values.columnId;
  const form = useActionForm(editing ? updateColumnAction.bind(null, workspaceId) : createColumnAction.bind(null, workspaceId), { resetOnSuccess: !editing });
  useEffect(() => {
    if (form.state?.ok && editing) router.push(`/w/${workspaceId}/calendar/columns`);
  }, [form.state, editing, router, workspaceId]);
  const scopeError = form.fieldError("scope");

  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {editing ? <input type="hidden" name="columnId" value={values.columnId} /> : null}
      <Field label={t("fields.name")} name="name" defaultValue={values.name} required maxLength={40} hint={t("hints.name")} error={form.fieldError("name")} />
      <SelectField label={t("fields.category")} name="category" defaultValue={values.category} options={CATEGORIES.map((c) => ({ value: c, label: tc(`categoryOptions.${c}`) }))} error={form.fieldError("category")} />
      <FieldFrame id="f-scope" label={t("fields.scope")} error={scopeError} hint={t("hints.scope")}>
        <select
          id="f-scope"
          name="scope"
          defaultValue={values.scope}
          aria-invalid={scopeError ? true : undefined}
          aria-describedby={scopeError ? "f-scope-error" : "f-scope-hint"}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">{t("scopeChoose")}</option>
          <optgroup label={t("scopeTypes")}>
            {scopes.types.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          {scopes.groups.length ? (
            <optgroup label={t("scopeGroups")}>
              {scopes.groups.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </FieldFrame>
      <SelectField
        label={t("fields.weekday")}
        name="weekday"
        defaultValue={values.weekday}
        options={[{ value: "", label: t("everyDay") }, ...WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }))]}
        error={form.fieldError("weekday")}
      />
      <Field label={t("fields.timeOfDay")} name="timeOfDay" type="time" defaultValue={values.timeOfDay} required hint={t("hints.timeOfDay")} error={form.fieldError("timeOfDay")} />
      <SelectField
        label={t("fields.contentItemId")}
        name="contentItemId"
        defaultValue={values.contentItemId}
        options={[{ value: "", label: t("noItem") }, ...items.map((i) => ({ value: i.id, label: i.title }))]}
        hint={t("hints.contentItemId")}
        error={form.fieldError("contentItemId")}
      />
      <div className="sm:col-span-2 lg:col-span-3">
        <FieldFrame id="f-notes" label={t("fields.notes")} error={form.fieldError("notes")}>
          <textarea id="f-notes" name="notes" rows={2} defaultValue={values.notes} maxLength={500} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" />
        </FieldFrame>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" pending={form.pending}>
          {editing ? t("save") : t("create")}
        </Button>
        {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
        {form.state?.ok && !editing ? <FormMessage success={t("created")} /> : null}
      </div>
    </form>
  );
}
