"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { importOrdersAction } from "../actions";

/** Upload of a store's order export, then a summary with the problems of each row. */
export function ImportOrdersForm({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("ordersImport");
  const form = useActionForm(importOrdersAction.bind(null, workspaceId), { resetOnSuccess: true });
  const result = form.state?.ok ? form.state.data : null;
  const fileError = form.fieldError("file");
  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} className="space-y-3" noValidate>
        <div>
          <label htmlFor="orders-file" className="block text-sm font-medium text-stone-800">
            {t("file")}
          </label>
          <p id="orders-file-hint" className="text-xs text-stone-600">
            {t("fileHint")}
          </p>
          <input
            id="orders-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? "orders-file-error" : "orders-file-hint"}
            aria-invalid={fileError ? true : undefined}
            className="mt-1 block w-full text-sm"
          />
          {fileError ? (
            <p id="orders-file-error" className="mt-1 text-sm text-red-700">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={form.pending}>
            {t("submit")}
          </Button>
          <FormMessage error={form.state && !form.state.ok && !fileError ? form.formError : undefined} />
        </div>
      </form>
      {result ? (
        <div role="status" className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3 text-sm" data-testid="import-summary">
          {result.unreadable ? <p className="text-red-700">{t("unreadable")}</p> : null}
          {result.missingColumns.length ? <p className="text-red-700">{t("missingColumns", { columns: result.missingColumns.map((c) => t(`columns.${c}`)).join("、") })}</p> : null}
          {!result.unreadable && !result.missingColumns.length ? (
            <p>{t("summary", { rows: result.rows, created: result.created, duplicates: result.duplicates, conflicts: result.conflicts.length, problems: result.problems.length })}</p>
          ) : null}
          {result.conflicts.length ? (
            <div>
              <p className="font-medium text-amber-900">{t("conflictsTitle")}</p>
              <ul className="list-disc pl-5">
                {result.conflicts.slice(0, 50).map((c) => (
                  <li key={`c-${c.rowNumber}`}>{t("conflictRow", { row: c.rowNumber, id: c.externalId })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.problems.length ? (
            <div>
              <p className="font-medium text-red-800">{t("problemsTitle")}</p>
              <ul className="list-disc pl-5">
                {result.problems.slice(0, 100).map((p) => (
                  <li key={`p-${p.rowNumber}`}>{t("problemRow", { row: p.rowNumber, problem: t(`problems.${p.problem}`) })}</li>
                ))}
              </ul>
              {result.problems.length > 100 ? <p className="text-stone-600">{t("moreProblems", { count: result.problems.length - 100 })}</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
