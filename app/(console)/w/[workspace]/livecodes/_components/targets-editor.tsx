"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldFrame, SelectField } from "@/components/ui/field";
import { MAX_IMAGE_BYTES } from "@/lib/livecodes/image-type";
import { MAX_TARGETS } from "@/lib/livecodes/schema";

export type TargetRow = { key: string; groupId: string; uploadId: string; expiresOn: string };
type RowState = TargetRow & { uploading?: boolean; uploadError?: string };

type Props = {
  workspaceId: string;
  groups: { id: string; name: string }[];
  initial: TargetRow[];
  defaultExpiry: string;
  fieldError: (name: string) => string | undefined;
};

/**
 * The ordered target groups. Each row's QR image is uploaded on its own as soon as it is chosen
 * (a PUT of the raw file), so the form itself only carries the upload's id.
 */
export function TargetsEditor({ workspaceId, groups, initial, defaultExpiry, fieldError }: Props) {
  const t = useTranslations("liveCodes");
  const tr = useTranslations();
  const [rows, setRows] = useState<RowState[]>(initial.length ? initial : [{ key: "0", groupId: "", uploadId: "", expiresOn: "" }]);
  const patch = (key: string, p: Partial<RowState>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const move = (i: number, by: number) =>
    setRows((all) => {
      const next = [...all];
      const [row] = next.splice(i, 1);
      next.splice(i + by, 0, row!);
      return next;
    });

  async function upload(row: RowState, file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_IMAGE_BYTES) return patch(row.key, { uploadError: tr("liveCodeErrors.imageTooLarge") });
    patch(row.key, { uploading: true, uploadError: undefined });
    const response = await fetch(`/w/${workspaceId}/livecodes/uploads?filename=${encodeURIComponent(file.name)}`, { method: "PUT", body: file });
    const body = (await response.json().catch(() => ({ error: "errors.unexpected" }))) as { id?: string; error?: string };
    if (body.id) patch(row.key, { uploading: false, uploadId: body.id, expiresOn: row.expiresOn || defaultExpiry });
    else patch(row.key, { uploading: false, uploadError: tr(body.error ?? "errors.unexpected") });
  }

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-stone-800">{t("fields.targets")}</legend>
      {fieldError("targets") ? <p className="text-sm text-red-700">{fieldError("targets")}</p> : null}
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const n = i + 1;
          const fileId = `target-qr-${row.key}`;
          return (
            <li key={row.key} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
              <input type="hidden" name="targetUploadId" value={row.uploadId} />
              <SelectField
                id={`target-group-${row.key}`}
                label={t("target.group", { n })}
                name="targetGroupId"
                value={row.groupId}
                onChange={(e) => patch(row.key, { groupId: e.target.value })}
                options={[{ value: "", label: t("target.choose") }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
                error={fieldError(`targets.${i}.groupId`)}
              />
              <FieldFrame id={fileId} label={t("target.qr", { n })} hint={row.uploading ? t("target.uploading") : t("target.qrHint")} error={row.uploadError ?? fieldError(`targets.${i}.qrUploadId`)}>
                <input
                  id={fileId}
                  type="file"
                  accept="image/png,image/jpeg,image/webp"
                  className="block w-full text-sm"
                  aria-invalid={row.uploadError ? true : undefined}
                  aria-describedby={row.uploadError ? `${fileId}-error` : `${fileId}-hint`}
                  onChange={(e) => void upload(row, e.target.files?.[0])}
                />
                {row.uploadId ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a private, authorised image route; next/image would proxy it
                  <img src={`/w/${workspaceId}/livecodes/uploads/${row.uploadId}`} alt={t("target.current")} className="mt-2 h-24 w-24 rounded border border-stone-200 object-contain" />
                ) : null}
              </FieldFrame>
              <FieldFrame id={`target-expiry-${row.key}`} label={t("target.expiresOn", { n })} hint={t("target.expiresHint")} error={fieldError(`targets.${i}.qrExpiresOn`)}>
                <input
                  id={`target-expiry-${row.key}`}
                  type="date"
                  name="targetExpiresOn"
                  value={row.expiresOn}
                  onChange={(e) => patch(row.key, { expiresOn: e.target.value })}
                  className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm"
                />
              </FieldFrame>
              <div className="flex items-start gap-1 sm:flex-col">
                <Button type="button" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("target.moveUp", { n })} className="min-h-8 px-2 py-1">
                  ↑
                </Button>
                <Button type="button" variant="ghost" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t("target.moveDown", { n })} className="min-h-8 px-2 py-1">
                  ↓
                </Button>
                <Button type="button" variant="ghost" disabled={rows.length === 1} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))} aria-label={t("target.remove", { n })} className="min-h-8 px-2 py-1">
                  ✕
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_TARGETS ? (
        <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { key: String(Date.now()), groupId: "", uploadId: "", expiresOn: "" }])}>
          {t("target.add")}
        </Button>
      ) : null}
    </fieldset>
  );
}
