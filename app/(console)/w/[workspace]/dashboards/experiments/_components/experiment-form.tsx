"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { EXPERIMENT_MODES } from "@/lib/experiments/schema";
import { startExperimentAction } from "../actions";

type Item = { id: string; title: string; variants: { id: string; label: string }[] };

/** New A/B test: an item with two variants, the groups, how to assign, and the minimum sample. */
export function ExperimentForm({ workspaceId, items, groups }: { workspaceId: string; items: Item[]; groups: { id: string; name: string }[] }) {
  const t = useTranslations("experiments");
  const router = useRouter();
  const form = useActionForm(startExperimentAction.bind(null, workspaceId));
  const [itemId, setItemId] = useState("");
  const [mode, setMode] = useState<(typeof EXPERIMENT_MODES)[number]>("by_group");
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${workspaceId}/dashboards/experiments/${form.state.data.experimentId}`);
  }, [form.state, router, workspaceId]);
  const variants = items.find((i) => i.id === itemId)?.variants ?? [];
  const variantOptions = variants.map((v) => ({ value: v.id, label: v.label }));
  const groupsError = form.fieldError("groupIds");

  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field label={t("form.name")} name="name" placeholder={t("form.namePlaceholder")} required error={form.fieldError("name")} />
      <SelectField
        label={t("form.item")}
        name="contentItemId"
        value={itemId}
        onChange={(e) => setItemId(e.target.value)}
        hint={t("form.itemHint")}
        error={form.fieldError("contentItemId")}
        options={[{ value: "", label: t("form.itemPick") }, ...items.map((i) => ({ value: i.id, label: i.title }))]}
      />
      {/* Keyed by item so the defaults move to the new item's first and second variant. */}
      <SelectField key={`a-${itemId}`} label={t("form.variantA")} name="variantAId" defaultValue={variants[0]?.id ?? ""} options={variantOptions} error={form.fieldError("variantAId")} disabled={!itemId} />
      <SelectField key={`b-${itemId}`} label={t("form.variantB")} name="variantBId" defaultValue={variants[1]?.id ?? ""} options={variantOptions} error={form.fieldError("variantBId")} disabled={!itemId} />
      <div className="sm:col-span-2">
        <fieldset aria-describedby={groupsError ? "f-groupIds-error" : "f-groupIds-hint"} aria-invalid={groupsError ? true : undefined}>
          <legend className="text-sm font-medium text-stone-800">{t("form.groups")}</legend>
          <div className="mt-2 grid max-h-64 gap-1 overflow-y-auto rounded-md border border-stone-200 p-2 sm:grid-cols-2 lg:grid-cols-3">
            {groups.map((g) => (
              <label key={g.id} className="flex min-h-9 items-center gap-2 rounded px-2 text-sm hover:bg-stone-50">
                <input type="checkbox" name="groupIds" value={g.id} className="size-4" />
                {g.name}
              </label>
            ))}
          </div>
          {groupsError ? (
            <p id="f-groupIds-error" className="mt-1 text-sm text-red-700">
              {groupsError}
            </p>
          ) : (
            <p id="f-groupIds-hint" className="mt-1 text-xs text-stone-500">
              {t("form.groupsHint")}
            </p>
          )}
        </fieldset>
      </div>
      <div className="sm:col-span-2">
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">{t("form.mode")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {EXPERIMENT_MODES.map((m) => (
              <label key={m} className={`flex gap-2 rounded-md border p-3 text-sm ${mode === m ? "border-emerald-600 bg-emerald-50" : "border-stone-200"}`}>
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="mt-0.5 size-4" />
                <span>
                  <span className="block font-medium">{t(`modes.${m}`)}</span>
                  <span className="block text-stone-600">{t(`modeHints.${m}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {form.fieldError("mode") ? <p className="mt-1 text-sm text-red-700">{form.fieldError("mode")}</p> : null}
        </fieldset>
      </div>
      <Field label={t("form.minSample")} name="minSample" type="number" inputMode="numeric" min={20} defaultValue={200} hint={t("form.minSampleHint")} error={form.fieldError("minSample")} />
      <div className="space-y-3 sm:col-span-2">
        <p className="text-sm text-stone-600">{t("form.startNote")}</p>
        <Button type="submit" pending={form.pending}>
          {t("form.submit")}
        </Button>
        {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
      </div>
    </form>
  );
}
