"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldFrame, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult, ActionState } from "@/lib/action-result";
import type { ContentOption } from "@/lib/content/options";
import { ANCHOR_SUGGESTIONS, MAX_STEPS, SOP_TIMINGS, type SopTiming } from "@/lib/sop/schema";
import { StepRow, type DraftStep } from "./step-row";

export type EditorTemplate = {
  id: string;
  version: number;
  name: string;
  description: string;
  communityType: string | null;
  anchorLabel: string;
  steps: {
    id: string;
    timing: SopTiming;
    weekday: number | null;
    dayOffset: number | null;
    time: string;
    contentItemId: string | null;
    variantId: string | null;
    title: string;
    inlineText: string;
    category: string;
    ownerRole: string;
    notes: string;
  }[];
};

type Saved = { version: number; stepIds: string[] };

let seq = 0;
const newKey = () => `new-${++seq}`;

function toDraft(s: EditorTemplate["steps"][number]): DraftStep {
  return {
    key: s.id,
    id: s.id,
    weekday: String(s.weekday ?? 1),
    dayOffset: String(s.dayOffset ?? 0),
    time: s.time,
    source: s.contentItemId ? "library" : "inline",
    contentItemId: s.contentItemId ?? "",
    variantId: s.variantId ?? "",
    title: s.title,
    inlineText: s.inlineText,
    category: s.category,
    ownerRole: s.ownerRole,
    notes: s.notes,
  };
}

function blankStep(after?: DraftStep): DraftStep {
  return { key: newKey(), weekday: after?.weekday ?? "1", dayOffset: after?.dayOffset ?? "0", time: after?.time ?? "09:00", source: "inline", contentItemId: "", variantId: "", title: "", inlineText: "", category: "product", ownerRole: "operator", notes: "" };
}

/**
 * The template and its steps as one form. The timing (daily / weekly / relative) is chosen once
 * for the whole template, which is the rule the server checks too (no mixing in one table).
 */
export function TemplateEditor({
  template,
  action,
  options,
  typeOptions,
  canEdit,
}: {
  template: EditorTemplate;
  action: (prev: ActionState<Saved>, input: unknown) => Promise<ActionResult<Saved>>;
  options: ContentOption[];
  typeOptions: { value: string; label: string }[];
  canEdit: boolean;
}) {
  const t = useTranslations("sop");
  const tAll = useTranslations();
  const router = useRouter();
  const [fields, setFields] = useState({ name: template.name, description: template.description, communityType: template.communityType ?? "", anchorLabel: template.anchorLabel });
  const [timing, setTiming] = useState<SopTiming>(template.steps[0]?.timing ?? "daily");
  const [steps, setSteps] = useState<DraftStep[]>(() => (template.steps.length ? template.steps.map(toDraft) : [blankStep()]));
  const [version, setVersion] = useState(template.version);
  const [state, setState] = useState<ActionState<Saved>>(null);
  const [pending, startSaving] = useTransition();

  const fieldError = (name: string) => (state && !state.ok && state.fieldErrors?.[name] ? state.fieldErrors[name].map((k) => tAll(k)).join(" ") : undefined);
  const update = (i: number, patch: Partial<DraftStep>) => setSteps((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, delta: -1 | 1) =>
    setSteps((list) => {
      const next = [...list];
      const [row] = next.splice(i, 1);
      next.splice(i + delta, 0, row!);
      return next;
    });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const payload = {
      templateId: template.id,
      baseVersion: version,
      ...fields,
      steps: steps.map((s) => ({
        id: s.id ?? "",
        timing,
        weekday: s.weekday,
        dayOffset: s.dayOffset,
        time: s.time,
        contentItemId: s.source === "library" ? s.contentItemId : "",
        variantId: s.source === "library" ? s.variantId : "",
        title: s.source === "library" ? "" : s.title,
        inlineText: s.source === "library" ? "" : s.inlineText,
        category: s.category,
        ownerRole: s.ownerRole,
        notes: s.notes,
      })),
    };
    startSaving(async () => {
      const result = await action(state, payload);
      setState(result);
      if (!result.ok) return;
      // New rows get the ids the server gave them, so the next save keeps matching their posts.
      setVersion(result.data.version);
      setSteps((list) => list.map((s, i) => ({ ...s, id: result.data.stepIds[i] ?? s.id })));
      router.refresh();
    });
  };

  const disabled = !canEdit || pending;
  return (
    <form onSubmit={submit} className="space-y-6" aria-label={t("editorLabel")}>
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} name="name" value={fields.name} maxLength={60} required onChange={(e) => setFields({ ...fields, name: e.target.value })} error={fieldError("name")} />
        <SelectField label={t("communityType")} name="communityType" value={fields.communityType} onChange={(e) => setFields({ ...fields, communityType: e.target.value })} options={[{ value: "", label: t("anyType") }, ...typeOptions]} />
        <div className="sm:col-span-2">
          <FieldFrame id="f-description" label={t("description")} error={fieldError("description")}>
            <textarea id="f-description" rows={2} maxLength={500} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" value={fields.description} onChange={(e) => setFields({ ...fields, description: e.target.value })} />
          </FieldFrame>
        </div>
        <SelectField
          label={t("timing")}
          name="timing"
          value={timing}
          hint={t(`timingHint.${timing}`)}
          onChange={(e) => setTiming(e.target.value as SopTiming)}
          options={SOP_TIMINGS.map((k) => ({ value: k, label: t(`timings.${k}`) }))}
        />
        {timing === "relative" ? (
          <div>
            <Field label={t("anchorLabel")} name="anchorLabel" list="sop-anchor-suggestions" value={fields.anchorLabel} maxLength={20} hint={t("anchorHint")} onChange={(e) => setFields({ ...fields, anchorLabel: e.target.value })} error={fieldError("anchorLabel")} />
            <datalist id="sop-anchor-suggestions">
              {ANCHOR_SUGGESTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
        ) : null}
      </fieldset>

      <div>
        <h3 className="text-sm font-semibold text-stone-900">{t("stepsTitle")}</h3>
        <p className="mt-1 text-xs text-stone-500">{t("stepsLead")}</p>
        {fieldError("steps") ? <p className="mt-1 text-sm text-red-700">{fieldError("steps")}</p> : null}
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <thead className="text-xs text-stone-500">
              <tr>
                <th scope="col" className="py-2 pr-2 font-medium">#</th>
                <th scope="col" className="py-2 pr-2 font-medium">{t("colTime")}</th>
                <th scope="col" className="py-2 pr-2 font-medium">{t("colContent")}</th>
                <th scope="col" className="py-2 pr-2 font-medium">{t("colOwner")}</th>
                <th scope="col" className="py-2 pr-2 font-medium">{t("colNotes")}</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("colActions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s, i) => (
                <StepRow
                  key={s.key}
                  step={s}
                  index={i}
                  count={steps.length}
                  timing={timing}
                  options={options}
                  error={fieldError(`steps.${i}`)}
                  fieldError={fieldError}
                  onChange={(patch) => update(i, patch)}
                  onMove={(d) => move(i, d)}
                  onRemove={() => setSteps((list) => list.filter((_, j) => j !== i))}
                  disabled={disabled}
                />
              ))}
            </tbody>
          </table>
        </div>
        {canEdit ? (
          <Button type="button" variant="secondary" className="mt-2" disabled={steps.length >= MAX_STEPS} onClick={() => setSteps((list) => [...list, blankStep(list.at(-1))])}>
            {t("addStep")}
          </Button>
        ) : null}
      </div>

      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={pending}>
            {pending ? tAll("common.saving") : t("saveTemplate")}
          </Button>
          <FormMessage error={state && !state.ok ? tAll(state.error) : undefined} success={state?.ok ? t("savedVersion", { version: state.data.version }) : undefined} />
        </div>
      ) : null}
    </form>
  );
}
