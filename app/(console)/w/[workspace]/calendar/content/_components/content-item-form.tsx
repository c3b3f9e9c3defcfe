"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ContentPreview } from "@/components/content/content-preview";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ContentCategory, ContentFormat } from "@/db/schema";
import { CATEGORIES, FORMATS, MAX_VARIANTS } from "@/lib/content/schema";
import { createContentItemAction, updateContentItemAction } from "../actions";
import { VariantFields, type VariantRow } from "./variant-fields";

export type ContentItemValues = {
  itemId?: string;
  title: string;
  category: ContentCategory;
  format: ContentFormat;
  tags: string[];
  variants: Omit<VariantRow, "key">[];
};

const LETTERS = "ABCDEFGHIJ";
const blank = (label: string, key: string): VariantRow => ({ key, id: "", label, body: "", linkUrl: "", miniProgramTitle: "", miniProgramPath: "", imageUploadIds: [] });

/** One form for new and existing items, with a phone preview of the variant being edited. */
export function ContentItemForm({ workspaceId, values, knownTags }: { workspaceId: string; values: ContentItemValues; knownTags: string[] }) {
  const t = useTranslations("content");
  const router = useRouter();
  const editing = !!values.itemId;
  const form = useActionForm(editing ? updateContentItemAction.bind(null, workspaceId) : createContentItemAction.bind(null, workspaceId));
  const [title, setTitle] = useState(values.title);
  const [format, setFormat] = useState<ContentFormat>(values.format);
  const [rows, setRows] = useState<VariantRow[]>(values.variants.length ? values.variants.map((v) => ({ ...v, key: v.id || v.label })) : [blank("A", "A")]);
  const [shown, setShown] = useState(0);
  const patch = (key: string, p: Partial<VariantRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...p } : r)));

  // After a save, variants just added learn their ids, so saving again updates them.
  const [seen, setSeen] = useState(form.state);
  if (form.state !== seen) {
    setSeen(form.state);
    const ids = form.state?.ok && editing ? ((form.state.data as { variantIds?: string[] }).variantIds ?? []) : [];
    if (ids.length) setRows((all) => all.map((r, i) => ({ ...r, id: ids[i] ?? r.id })));
  }
  useEffect(() => {
    if (!form.state?.ok) return;
    if (editing) router.refresh();
    else router.push(`/w/${workspaceId}/calendar/content/${form.state.data.itemId}`);
  }, [form.state, editing, router, workspaceId]);

  function addVariant() {
    const used = new Set(rows.map((r) => r.label));
    const label = [...LETTERS].find((l) => !used.has(l)) ?? String(rows.length + 1);
    setRows((all) => [...all, blank(label, `${label}-${Date.now()}`)]);
    setShown(rows.length);
  }

  const current = rows[Math.min(shown, rows.length - 1)]!;
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
      {editing ? <input type="hidden" name="itemId" value={values.itemId} /> : null}
      <div className="space-y-4">
        <Field label={t("fields.title")} name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={80} error={form.fieldError("title")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t("fields.category")} name="category" defaultValue={values.category} options={CATEGORIES.map((c) => ({ value: c, label: t(`categoryOptions.${c}`) }))} error={form.fieldError("category")} />
          <SelectField
            label={t("fields.format")}
            name="format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ContentFormat)}
            options={FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
            error={form.fieldError("format")}
          />
        </div>
        <Field label={t("fields.tags")} name="tags" defaultValue={values.tags.join(", ")} list="content-tag-suggestions" hint={t("hints.tags")} error={form.fieldError("tags")} />
        <datalist id="content-tag-suggestions">
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <div className="space-y-3">
          <h2 className="text-sm font-semibold text-stone-900">{t("variantsTitle")}</h2>
          <p className="text-xs text-stone-500">{t("hints.variants")}</p>
          {form.fieldError("variants") ? <p className="text-sm text-red-700">{form.fieldError("variants")}</p> : null}
          {rows.map((row, i) => (
            <VariantFields
              key={row.key}
              workspaceId={workspaceId}
              format={format}
              row={row}
              index={i}
              canRemove={rows.length > 1}
              patch={(p) => patch(row.key, p)}
              remove={() => {
                setRows((all) => all.filter((r) => r.key !== row.key));
                setShown(0);
              }}
              fieldError={form.fieldError}
            />
          ))}
          {rows.length < MAX_VARIANTS ? (
            <Button type="button" variant="secondary" onClick={addVariant}>
              {t("variant.add")}
            </Button>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={form.pending}>
            {editing ? t("save") : t("create")}
          </Button>
          {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
          {form.state?.ok && editing ? <FormMessage success={t("saved")} /> : null}
        </div>
      </div>
      <aside className="space-y-3 lg:sticky lg:top-4 lg:self-start" aria-label={t("previewTitle")}>
        <div role="group" aria-label={t("previewPick")} className="flex flex-wrap justify-center gap-1">
          {rows.map((r, i) => (
            <button
              key={r.key}
              type="button"
              onClick={() => setShown(i)}
              aria-pressed={r.key === current.key}
              className={`rounded-md border px-3 py-1 text-sm ${r.key === current.key ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-stone-300 bg-white text-stone-700"}`}
            >
              {t("previewVariant", { label: r.label || "?" })}
            </button>
          ))}
        </div>
        <ContentPreview workspaceId={workspaceId} title={title} format={format} variant={current} />
      </aside>
    </form>
  );
}
