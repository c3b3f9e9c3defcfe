"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldFrame } from "@/components/ui/field";
import type { ContentFormat } from "@/db/schema";
import { MAX_IMAGE_BYTES } from "@/lib/livecodes/image-type";
import { MAX_IMAGES, MAX_TEXT, textLength } from "@/lib/content/schema";

export type VariantRow = {
  key: string;
  id: string;
  label: string;
  body: string;
  linkUrl: string;
  miniProgramTitle: string;
  miniProgramPath: string;
  imageUploadIds: string[];
};

type Props = {
  workspaceId: string;
  format: ContentFormat;
  row: VariantRow;
  index: number;
  canRemove: boolean;
  patch: (p: Partial<VariantRow>) => void;
  remove: () => void;
  fieldError: (name: string) => string | undefined;
};

/** One A/B variant: its own text, link, mini-program card and pictures. */
export function VariantFields({ workspaceId, format, row, index, canRemove, patch, remove, fieldError }: Props) {
  const t = useTranslations("content");
  const tr = useTranslations();
  const [upload, setUpload] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const err = (name: string) => fieldError(`variants.${index}.${name}`);
  const id = (name: string) => `v-${row.key}-${name}`;
  const length = textLength(row.body);
  const maxImages = format === "image_text" ? MAX_IMAGES : 1;
  const wantsImages = format !== "text";
  const n = index + 1;

  async function add(files: FileList | null) {
    const picked = [...(files ?? [])].slice(0, maxImages - row.imageUploadIds.length);
    if (picked.length === 0) return;
    setUpload({ busy: true });
    const ids: string[] = [];
    for (const file of picked) {
      if (file.size > MAX_IMAGE_BYTES) return setUpload({ busy: false, error: tr("liveCodeErrors.imageTooLarge") });
      const response = await fetch(`/w/${workspaceId}/livecodes/uploads?filename=${encodeURIComponent(file.name)}`, { method: "PUT", body: file });
      const body = (await response.json().catch(() => ({ error: "errors.unexpected" }))) as { id?: string; error?: string };
      if (!body.id) {
        patch({ imageUploadIds: [...row.imageUploadIds, ...ids] });
        return setUpload({ busy: false, error: tr(body.error ?? "errors.unexpected") });
      }
      ids.push(body.id);
    }
    patch({ imageUploadIds: [...row.imageUploadIds, ...ids] });
    setUpload({ busy: false });
  }

  return (
    <fieldset className="space-y-3 rounded-md border border-stone-200 p-3">
      <legend className="px-1 text-sm font-medium text-stone-800">{t("variant.legend", { label: row.label || "?" })}</legend>
      <input type="hidden" name="variantId" value={row.id} />
      <input type="hidden" name="variantImages" value={row.imageUploadIds.join(",")} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-28">
          <Field id={id("label")} label={t("variant.label", { n })} name="variantLabel" value={row.label} onChange={(e) => patch({ label: e.target.value })} error={err("label")} maxLength={20} />
        </div>
        {canRemove ? (
          <Button type="button" variant="ghost" onClick={remove} className="min-h-8 px-2 py-1">
            {t("variant.remove", { label: row.label })}
          </Button>
        ) : null}
      </div>
      <FieldFrame id={id("body")} label={format === "link" ? t("variant.description", { n }) : t("variant.body", { n })} error={err("body")}>
        <textarea
          id={id("body")}
          name="variantBody"
          rows={format === "text" ? 8 : 4}
          value={row.body}
          onChange={(e) => patch({ body: e.target.value })}
          aria-invalid={err("body") || length > MAX_TEXT ? true : undefined}
          aria-describedby={`${id("body")}-count`}
          className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500"
        />
        <p id={`${id("body")}-count`} aria-live="polite" className={`text-right text-xs tabular-nums ${length > MAX_TEXT ? "font-medium text-red-700" : "text-stone-500"}`}>
          {t("variant.count", { n: length, max: MAX_TEXT })}
        </p>
      </FieldFrame>
      {format === "link" ? (
        <Field id={id("link")} label={t("variant.linkUrl", { n })} name="variantLinkUrl" type="url" inputMode="url" value={row.linkUrl} onChange={(e) => patch({ linkUrl: e.target.value })} error={err("linkUrl")} hint={t("variant.linkHint")} />
      ) : (
        <input type="hidden" name="variantLinkUrl" value="" />
      )}
      {format === "mini_program" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("mpTitle")} label={t("variant.miniProgramTitle", { n })} name="variantMiniProgramTitle" value={row.miniProgramTitle} onChange={(e) => patch({ miniProgramTitle: e.target.value })} error={err("miniProgramTitle")} />
          <Field id={id("mpPath")} label={t("variant.miniProgramPath", { n })} name="variantMiniProgramPath" value={row.miniProgramPath} onChange={(e) => patch({ miniProgramPath: e.target.value })} error={err("miniProgramPath")} hint={t("variant.miniProgramPathHint")} spellCheck={false} />
        </div>
      ) : (
        <>
          <input type="hidden" name="variantMiniProgramTitle" value="" />
          <input type="hidden" name="variantMiniProgramPath" value="" />
        </>
      )}
      {wantsImages ? (
        <FieldFrame id={id("images")} label={t(`variant.images_${format}`, { n })} hint={upload.busy ? t("variant.uploading") : t("variant.imagesHint", { max: maxImages })} error={upload.error ?? err("imageUploadIds")}>
          {row.imageUploadIds.length < maxImages ? (
            <input id={id("images")} type="file" multiple={maxImages > 1} accept="image/png,image/jpeg,image/webp" className="block w-full text-sm" onChange={(e) => void add(e.target.files)} />
          ) : null}
          {row.imageUploadIds.length ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {row.imageUploadIds.map((u, i) => (
                <li key={`${u}-${i}`} className="relative">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a private, authorised image route */}
                  <img src={`/w/${workspaceId}/livecodes/uploads/${u}`} alt={t("variant.imageAlt", { label: row.label, n: i + 1 })} className="h-20 w-20 rounded border border-stone-200 object-cover" />
                  <button
                    type="button"
                    onClick={() => patch({ imageUploadIds: row.imageUploadIds.filter((_, j) => j !== i) })}
                    aria-label={t("variant.removeImage", { label: row.label, n: i + 1 })}
                    className="absolute -right-2 -top-2 h-6 w-6 rounded-full border border-stone-300 bg-white text-xs"
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </FieldFrame>
      ) : null}
    </fieldset>
  );
}
