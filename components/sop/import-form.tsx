"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult, ActionState } from "@/lib/action-result";
import type { ImportPreview } from "@/lib/sop/import";
import { whenLabel } from "./when";

type Created = { templateId: string; name: string };

/** Upload → preview (what will be created, or why it cannot) → create as a new template. */
export function ImportForm({ previewUrl, base, action }: { previewUrl: string; base: string; action: (prev: ActionState<Created>, input: unknown) => Promise<ActionResult<Created>> }) {
  const t = useTranslations("sop");
  const ti = useTranslations("sopImport");
  const tAll = useTranslations();
  const router = useRouter();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [state, dispatch, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) router.push(`${base}/${state.data.templateId}`);
  }, [state, router, base]);

  const read = async (file: File) => {
    setReading(true);
    setPreview(null);
    try {
      const response = await fetch(`${previewUrl}?filename=${encodeURIComponent(file.name)}`, { method: "POST", body: file });
      setPreview(response.headers.get("content-type")?.includes("json") ? ((await response.json()) as ImportPreview) : { template: null, problems: [{ message: "errors.unexpected" }], warnings: [] });
    } finally {
      setReading(false);
    }
  };
  const line = (p: { row?: number; message: string }) => (p.row ? ti("atRow", { row: p.row, message: tAll(p.message) }) : tAll(p.message));

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="sop-import-file" className="block text-sm font-medium text-stone-800">
          {ti("file")}
        </label>
        <input
          id="sop-import-file"
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block text-sm"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
          }}
        />
        <p className="mt-1 text-xs text-stone-500">{ti("fileHint")}</p>
      </div>
      {reading ? <p className="text-sm text-stone-600">{ti("reading")}</p> : null}
      {preview?.problems.length ? (
        <div role="status" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{ti("problems")}</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.problems.map((p, i) => (
              <li key={i}>{line(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview?.warnings.length ? (
        <ul className="list-disc rounded-md border border-amber-200 bg-amber-50 p-3 pl-8 text-sm text-amber-900">
          {preview.warnings.map((p, i) => (
            <li key={i}>{line(p)}</li>
          ))}
        </ul>
      ) : null}
      {preview?.template ? (
        <div className="space-y-3">
          <h3 className="text-sm font-semibold" data-testid="sop-import-summary">
            {ti("summary", { name: preview.template.name, count: preview.template.steps.length })}
          </h3>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-1 pr-2 font-medium">{t("colTime")}</th>
                  <th className="py-1 pr-2 font-medium">{t("colContent")}</th>
                  <th className="py-1 pr-2 font-medium">{t("colOwner")}</th>
                  <th className="py-1 pr-2 font-medium">{t("colCategory")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.template.steps.map((s, i) => (
                  <tr key={i} className="border-t border-stone-100 align-top">
                    <td className="whitespace-nowrap py-1 pr-2">{whenLabel(t, s)}</td>
                    <td className="py-1 pr-2">{s.title || s.inlineText.slice(0, 60)}</td>
                    <td className="py-1 pr-2">{t(`owners.${s.ownerRole}`)}</td>
                    <td className="py-1 pr-2">{t(`categories.${s.category}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-stone-500">{ti("nameRule")}</p>
          <Button type="button" pending={pending} onClick={() => startTransition(() => dispatch({ template: preview.template }))}>
            {ti("create")}
          </Button>
          <FormMessage error={state && !state.ok ? tAll(state.error) : undefined} />
        </div>
      ) : null}
    </div>
  );
}
