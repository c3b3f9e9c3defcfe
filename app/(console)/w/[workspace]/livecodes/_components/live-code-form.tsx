"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { CHANNEL_SUGGESTIONS } from "@/lib/livecodes/schema";
import { createLiveCodeAction, updateLiveCodeAction } from "../actions";
import { TargetsEditor, type TargetRow } from "./targets-editor";

export type LiveCodeValues = {
  liveCodeId?: string;
  name: string;
  slug: string;
  channel: string;
  capacity: number;
  welcomeMessage: string;
  tagIds: string[];
  targets: TargetRow[];
};

type Props = {
  workspaceId: string;
  values: LiveCodeValues;
  groups: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  defaultExpiry: string;
};

/** One form for new and existing live codes; the slug is only chosen when creating. */
export function LiveCodeForm({ workspaceId, values, groups, tags, defaultExpiry }: Props) {
  const t = useTranslations("liveCodes");
  const router = useRouter();
  const editing = !!values.liveCodeId;
  const form = useActionForm(editing ? updateLiveCodeAction.bind(null, workspaceId) : createLiveCodeAction.bind(null, workspaceId));
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${workspaceId}/livecodes/${form.state.data.liveCodeId}`);
  }, [form.state, router, workspaceId]);
  const f = (name: string) => t(`fields.${name}`);

  return (
    <form onSubmit={form.onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      {editing ? <input type="hidden" name="liveCodeId" value={values.liveCodeId} /> : null}
      <Field label={f("name")} name="name" defaultValue={values.name} required error={form.fieldError("name")} />
      {editing ? (
        <Field label={f("slug")} name="slugShown" value={values.slug} readOnly hint={t("hints.slugFixed")} />
      ) : (
        <Field label={f("slug")} name="slug" defaultValue={values.slug} hint={t("hints.slug")} error={form.fieldError("slug")} autoCapitalize="none" spellCheck={false} />
      )}
      <Field label={f("channel")} name="channel" defaultValue={values.channel} list="channel-suggestions" hint={t("hints.channel")} error={form.fieldError("channel")} />
      <datalist id="channel-suggestions">
        {CHANNEL_SUGGESTIONS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label={f("capacity")} name="capacity" type="number" min={1} max={500} defaultValue={values.capacity} hint={t("hints.capacity")} error={form.fieldError("capacity")} />
      <div className="sm:col-span-2">
        {groups.length === 0 ? <p className="text-sm text-amber-800">{t("hints.noGroups")}</p> : null}
        <TargetsEditor workspaceId={workspaceId} groups={groups} initial={values.targets} defaultExpiry={defaultExpiry} fieldError={form.fieldError} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="f-welcomeMessage" className="block text-sm font-medium text-stone-800">
          {f("welcomeMessage")}
        </label>
        <textarea
          id="f-welcomeMessage"
          name="welcomeMessage"
          rows={4}
          defaultValue={values.welcomeMessage}
          aria-describedby="f-welcomeMessage-hint"
          className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-sm"
        />
        <p id="f-welcomeMessage-hint" className="text-xs text-stone-500">
          {t("hints.welcomeMessage")}
        </p>
        {form.fieldError("welcomeMessage") ? <p className="text-sm text-red-700">{form.fieldError("welcomeMessage")}</p> : null}
      </div>
      <fieldset className="space-y-1 sm:col-span-2">
        <legend className="text-sm font-medium text-stone-800">{f("tagIds")}</legend>
        <p className="text-xs text-stone-500">{tags.length ? t("hints.tagIds") : t("hints.noTags")}</p>
        <div className="flex flex-wrap gap-3">
          {tags.map((tag) => (
            <label key={tag.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={values.tagIds.includes(tag.id)} />
              {tag.name}
            </label>
          ))}
        </div>
        {form.fieldError("tagIds") ? <p className="text-sm text-red-700">{form.fieldError("tagIds")}</p> : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" pending={form.pending}>
          {editing ? t("saveCode") : t("createCode")}
        </Button>
        {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
      </div>
    </form>
  );
}
