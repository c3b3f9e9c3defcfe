"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { bulkTagAction } from "../actions";

type Props = { workspaceId: string; count: number; tags: { value: string; label: string }[]; filter: { q: string; tag: string; group: string; recall: string } };

export function BulkTagForm({ workspaceId, count, tags, filter }: Props) {
  const t = useTranslations("members");
  const form = useActionForm(bulkTagAction.bind(null, workspaceId));
  return (
    <form onSubmit={form.onSubmit} className="mt-4 rounded-md bg-emerald-50 p-3" aria-label={t("bulkTitle")}>
      <p className="text-sm font-medium text-emerald-900">{t("bulkTitle")}</p>
      <p className="text-xs text-emerald-800">{t("bulkLead", { count })}</p>
      {Object.entries(filter).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <SelectField label={t("bulkTag")} name="tagId" id="bulk-tag" options={tags} error={form.fieldError("tagId")} />
        <SelectField
          label={t("bulkOp")}
          name="op"
          id="bulk-op"
          options={[
            { value: "add", label: t("bulkAdd") },
            { value: "remove", label: t("bulkRemove") },
          ]}
        />
        <Button type="submit" pending={form.pending} className="mb-0.5">
          {t("bulkApply", { count })}
        </Button>
      </div>
      <div className="mt-2">
        <FormMessage error={form.state && !form.state.ok ? form.formError : undefined} success={form.state?.ok ? t("bulkDone", { count: form.state.data.count }) : undefined} />
      </div>
    </form>
  );
}
