"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { GROUP_STAGES } from "@/lib/groups/schema";
import { THRESHOLDS } from "@/lib/positioning/presets";
import { createGroupAction, updateGroupAction } from "../actions";

export type PlanDefaults = { id: string; name: string; communityType: string | null; entryThreshold: string | null; plannedEnd: string | null };
export type GroupValues = {
  groupId?: string;
  name: string;
  communityType: string | null;
  positioningId: string | null;
  stage: string;
  plannedEnd: string | null;
  entryThreshold: string | null;
  capacity: number;
  ownerUserId: string | null;
  adminUserIds: string[];
  externalChatId: string | null;
  notes: string;
};

type Props = {
  workspaceId: string;
  values: GroupValues;
  plans: PlanDefaults[];
  types: { value: string; label: string }[];
  staff: { id: string; name: string }[];
};

/** One form for new and existing groups. Choosing a plan fills type, threshold and end date. */
export function GroupForm({ workspaceId, values, plans, types, staff }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const editing = !!values.groupId;
  const form = useActionForm(editing ? updateGroupAction.bind(null, workspaceId) : createGroupAction.bind(null, workspaceId));
  const [v, setV] = useState(values);
  const set = (patch: Partial<GroupValues>) => setV((prev) => ({ ...prev, ...patch }));
  useEffect(() => {
    if (!form.state?.ok) return;
    router.push(`/w/${workspaceId}/groups/${form.state.data.groupId}`);
  }, [form.state, router, workspaceId]);

  const none = { value: "", label: t("groups.none") };
  const choosePlan = (id: string) => {
    const plan = plans.find((p) => p.id === id);
    set({ positioningId: id || null, ...(plan && { communityType: plan.communityType, entryThreshold: plan.entryThreshold, plannedEnd: plan.plannedEnd ?? v.plannedEnd }) });
  };
  const f = (name: keyof GroupValues) => t(`groups.fields.${name}`);

  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      {editing ? <input type="hidden" name="groupId" value={values.groupId} /> : null}
      <div className="sm:col-span-2">
        <SelectField
          label={editing ? f("positioningId") : t("groups.fromPlan")}
          hint={t("groups.fromPlanHint")}
          name="positioningId"
          value={v.positioningId ?? ""}
          onChange={(e) => choosePlan(e.target.value)}
          error={form.fieldError("positioningId")}
          options={[{ value: "", label: t("groups.noPlan") }, ...plans.map((p) => ({ value: p.id, label: p.name }))]}
        />
      </div>
      <Field label={f("name")} name="name" value={v.name} onChange={(e) => set({ name: e.target.value })} required error={form.fieldError("name")} />
      <SelectField label={f("communityType")} name="communityType" value={v.communityType ?? ""} onChange={(e) => set({ communityType: e.target.value || null })} options={[none, ...types]} error={form.fieldError("communityType")} />
      <SelectField
        label={f("stage")}
        name="stage"
        value={v.stage}
        onChange={(e) => set({ stage: e.target.value })}
        options={GROUP_STAGES.map((s) => ({ value: s, label: t(`groups.stages.${s}`) }))}
        error={form.fieldError("stage")}
      />
      <Field label={f("plannedEnd")} name="plannedEnd" type="date" value={v.plannedEnd ?? ""} onChange={(e) => set({ plannedEnd: e.target.value || null })} error={form.fieldError("plannedEnd")} />
      <SelectField
        label={f("entryThreshold")}
        name="entryThreshold"
        value={v.entryThreshold ?? ""}
        onChange={(e) => set({ entryThreshold: e.target.value || null })}
        options={[none, ...THRESHOLDS.map((x) => ({ value: x, label: t(`positioning.options.thresholds.${x}`) }))]}
        error={form.fieldError("entryThreshold")}
      />
      <Field label={f("capacity")} name="capacity" type="number" min={1} max={500} value={v.capacity} onChange={(e) => set({ capacity: Number(e.target.value) })} hint={t("groups.capacityHint")} error={form.fieldError("capacity")} />
      <SelectField label={f("ownerUserId")} name="ownerUserId" value={v.ownerUserId ?? ""} onChange={(e) => set({ ownerUserId: e.target.value || null })} options={[none, ...staff.map((s) => ({ value: s.id, label: s.name }))]} error={form.fieldError("ownerUserId")} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">{f("adminUserIds")}</legend>
        <div className="flex flex-wrap gap-3">
          {staff.map((s) => (
            <label key={s.id} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="adminUserIds"
                value={s.id}
                checked={v.adminUserIds.includes(s.id)}
                onChange={(e) => set({ adminUserIds: e.target.checked ? [...v.adminUserIds, s.id] : v.adminUserIds.filter((x) => x !== s.id) })}
              />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={f("externalChatId")} name="externalChatId" value={v.externalChatId ?? ""} onChange={(e) => set({ externalChatId: e.target.value || null })} hint={t("groups.chatIdHint")} error={form.fieldError("externalChatId")} />
      <div className="sm:col-span-2">
        <label htmlFor="f-notes" className="block text-sm font-medium text-stone-800">
          {f("notes")}
        </label>
        <textarea id="f-notes" name="notes" rows={3} value={v.notes} onChange={(e) => set({ notes: e.target.value })} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" />
        {form.fieldError("notes") ? <p className="text-sm text-red-700">{form.fieldError("notes")}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" pending={form.pending}>
          {editing ? t("groups.saveGroup") : t("groups.createGroup")}
        </Button>
        {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
      </div>
    </form>
  );
}
