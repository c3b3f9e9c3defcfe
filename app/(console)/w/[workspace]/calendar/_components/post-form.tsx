"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { CheckList } from "@/components/calendar/check-list";
import { Button } from "@/components/ui/button";
import { Field, FieldFrame, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { CheckWarning } from "@/lib/calendar/check-types";
import type { ContentOption } from "@/lib/content/options";
import { POST_CATEGORIES, POST_CHANNELS, POST_TEXT_MAX } from "@/lib/calendar/schema";
import { createPostAction, updatePostAction } from "../actions";

export type PostFormValues = {
  postId?: string;
  version?: number;
  groupId?: string;
  day: string;
  time: string;
  contentItemId: string;
  variantId: string;
  title: string;
  body: string;
  category: string;
  channel: string;
  ownerUserId: string;
  notes: string;
};

type Props = {
  workspaceId: string;
  values: PostFormValues;
  timeZone: string;
  content: ContentOption[];
  members: { id: string; name: string }[];
  groups?: { id: string; name: string }[];
  groupNames: Record<string, string>;
};

/** Edit or create one post; the checks' warnings are shown and must be confirmed before saving. */
export function PostForm({ workspaceId, values, timeZone, content, members, groups, groupNames }: Props) {
  const t = useTranslations("calendarPost");
  const tc = useTranslations("calendar");
  const tcat = useTranslations("contentCategories");
  const router = useRouter();
  const editing = !!values.postId;
  const form = useActionForm(editing ? updatePostAction.bind(null, workspaceId) : createPostAction.bind(null, workspaceId));
  const [mode, setMode] = useState<"library" | "inline">(values.contentItemId ? "library" : "inline");
  const [itemId, setItemId] = useState(values.contentItemId);
  const [body, setBody] = useState(values.body);
  const confirmRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const item = content.find((c) => c.id === itemId);
  const state = form.state;
  useEffect(() => {
    if (confirmRef.current) confirmRef.current.value = "";
    if (state?.ok && !editing) router.push(`/w/${workspaceId}/calendar/posts/${(state.data as { postId: string }).postId}`);
  }, [state, editing, router, workspaceId]);
  const failed = state && !state.ok ? state : null;
  const warnings = (failed?.details as { warnings?: CheckWarning[] } | undefined)?.warnings ?? (state?.ok ? (state.data as { warnings: CheckWarning[] }).warnings : []);
  const conflict = failed?.error === "errors.postChanged" ? (failed.details as { day: string; time: string }) : null;

  return (
    <form ref={formRef} onSubmit={form.onSubmit} className="space-y-4" noValidate>
      {values.postId ? <input type="hidden" name="postId" value={values.postId} /> : null}
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <input ref={confirmRef} type="hidden" name="confirm" defaultValue="" />
      {groups ? (
        <SelectField label={t("group")} name="groupId" defaultValue={values.groupId ?? ""} error={form.fieldError("groupId")} options={[{ value: "", label: t("pickGroup") }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("day")} name="day" type="date" defaultValue={values.day} required error={form.fieldError("day")} />
        <Field label={t("time", { zone: timeZone })} name="time" type="time" defaultValue={values.time} required error={form.fieldError("time")} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">{t("contentMode")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["library", "inline"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="contentMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(m === "library" ? "modeLibrary" : "modeInline")}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "library" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={t("item")}
            name="contentItemId"
            value={itemId}
            onChange={(e) => setItemId(e.target.value)}
            error={form.fieldError("contentItemId")}
            options={[{ value: "", label: t("itemNone") }, ...content.map((c) => ({ value: c.id, label: `${c.title} · ${tcat(`${c.category}`)}` }))]}
          />
          <SelectField
            key={itemId}
            label={t("variant")}
            name="variantId"
            defaultValue={item?.variants.some((v) => v.id === values.variantId) ? values.variantId : ""}
            error={form.fieldError("variantId")}
            options={[{ value: "", label: t("variantDefault") }, ...(item?.variants ?? []).map((v) => ({ value: v.id, label: v.label }))]}
          />
        </div>
      ) : (
        <>
          <Field label={t("postTitle")} name="title" defaultValue={values.title} maxLength={200} error={form.fieldError("title")} />
          <FieldFrame id="f-body" label={t("body")} error={form.fieldError("body")} hint={t("bodyHint", { count: body.length })}>
            <textarea
              id="f-body"
              name="body"
              rows={6}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={form.fieldError("body") || body.length > POST_TEXT_MAX ? true : undefined}
              aria-describedby={form.fieldError("body") ? "f-body-error" : "f-body-hint"}
              className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500"
            />
          </FieldFrame>
        </>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label={t("category")} name="category" defaultValue={values.category} error={form.fieldError("category")} options={POST_CATEGORIES.map((c) => ({ value: c, label: tcat(`${c}`) }))} />
        <SelectField label={t("channel")} name="channel" defaultValue={values.channel} error={form.fieldError("channel")} options={POST_CHANNELS.map((c) => ({ value: c, label: tc(`channels.${c}`) }))} />
        <SelectField label={t("owner")} name="ownerUserId" defaultValue={values.ownerUserId} error={form.fieldError("ownerUserId")} options={[{ value: "", label: t("ownerNone") }, ...members.map((m) => ({ value: m.id, label: m.name }))]} />
      </div>
      <FieldFrame id="f-notes" label={t("notes")} error={form.fieldError("notes")}>
        <textarea id="f-notes" name="notes" rows={2} defaultValue={values.notes} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" />
      </FieldFrame>
      <CheckList warnings={warnings} groupNames={groupNames} />
      {conflict ? <FormMessage error={t("conflict", conflict)} /> : failed && !failed.fieldErrors && failed.error !== "errors.calendarChecksConfirm" ? <FormMessage error={form.formError} /> : null}
      {failed?.fieldErrors ? <FormMessage error={form.formError} /> : null}
      {state?.ok && editing ? <FormMessage success={t("saved")} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={form.pending}>
          {editing ? t("save") : t("create")}
        </Button>
        {failed?.error === "errors.calendarChecksConfirm" ? (
          <Button
            type="button"
            variant="secondary"
            pending={form.pending}
            onClick={() => {
              if (confirmRef.current) confirmRef.current.value = "1";
              formRef.current?.requestSubmit();
            }}
          >
            {t("saveAnyway")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
