"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action-result";
import { IMPORT_FIELDS, type ImportField, type Mapping } from "@/lib/members/import/fields";
import { toImportRow } from "@/lib/members/import/rows";
import { startImportAction } from "../../actions";

type Status = { status: string; totalRows: number; processedRows: number; importedRows: number; skippedRows: number; createdMembers: number; error: string | null };
type Props = {
  workspaceId: string;
  importId: string;
  canEdit: boolean;
  timeZone: string;
  headers: string[];
  rows: { rowNumber: number; cells: string[] }[];
  mapping: Mapping;
  groupId: string | null;
  groups: { id: string; name: string }[];
  initial: Status;
  problems: { rowNumber: number; column: string; problem: string; cells: string[] }[];
};

const RUNNING = ["checking", "importing"];

/** Mapping → preview → check → import, with progress polled while the worker reads the file. */
export function ImportFlow(p: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [mapping, setMapping] = useState<Mapping>(p.mapping);
  const [groupId, setGroupId] = useState(p.groupId ?? "");
  const [started, setStarted] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const status = useQuery({
    queryKey: ["import-status", p.importId],
    queryFn: async () => (await (await fetch(`/w/${p.workspaceId}/members/import/${p.importId}/status`)).json()) as Status,
    initialData: p.initial,
    refetchInterval: (q) => (started || RUNNING.includes(q.state.data?.status ?? "") ? 800 : false),
  });
  const s = status.data;
  const running = RUNNING.includes(s.status);
  // When a run this page started has finished (the worker may be faster than one poll), reload
  // the server-rendered problem list once and stop polling.
  const seen = useRef(`${p.initial.status}:${p.initial.processedRows}`);
  useEffect(() => {
    const now = `${s.status}:${s.processedRows}`;
    if (started && !RUNNING.includes(s.status) && s.status !== "uploaded" && now !== seen.current) {
      seen.current = now;
      setStarted(false);
      router.refresh();
    }
  }, [s.status, s.processedRows, started, router]);

  const label = (f: ImportField) => t(`import.fields.${f}`);
  const run = (mode: "check" | "apply") =>
    startTransition(async () => {
      const form = new FormData();
      form.set("importId", p.importId);
      form.set("mode", mode);
      form.set("groupId", groupId);
      for (const m of mapping) form.append("mapping", m ?? "");
      const r = await startImportAction(p.workspaceId, null, form);
      setResult(r);
      if (r.ok) setStarted(true);
    });
  const previews = p.rows.map((r) => ({ r, res: toImportRow(r.cells, mapping, r.rowNumber, { timeZone: p.timeZone }) }));
  const percent = s.totalRows ? Math.min(100, Math.round((s.processedRows / s.totalRows) * 100)) : null;
  const error = result && !result.ok ? (result.fieldErrors ? Object.values(result.fieldErrors).flat().map((k) => t(k)).join(" ") : t(result.error)) : null;

  return (
    <div className="space-y-6">
      <section aria-labelledby="mapping-title">
        <h2 id="mapping-title" className="text-base font-semibold">
          {t("import.mapping")}
        </h2>
        <p className="text-sm text-stone-600">{t("import.mappingLead")}</p>
        <div className="mt-3 overflow-x-auto">
          <table className="text-left text-sm">
            <thead>
              <tr>
                {p.headers.map((h, i) => (
                  <th key={i} className="min-w-36 border-b border-stone-200 px-2 py-2 align-bottom font-medium">
                    <div className="text-stone-800">{h || `#${i + 1}`}</div>
                    <label className="sr-only" htmlFor={`map-${i}`}>
                      {t("import.mapColumn", { column: h || `#${i + 1}` })}
                    </label>
                    <select
                      id={`map-${i}`}
                      disabled={!p.canEdit || running}
                      value={mapping[i] ?? ""}
                      onChange={(e) => setMapping((m) => m.map((v, j) => (j === i ? ((e.target.value || null) as ImportField | null) : v)))}
                      className="mt-1 w-full rounded-md border border-stone-300 bg-white px-1.5 py-1 text-xs"
                    >
                      <option value="">{t("import.ignore")}</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {label(f)}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
                <th className="border-b border-stone-200 px-2 py-2 align-bottom font-medium">{t("import.previewCheck")}</th>
              </tr>
            </thead>
            <tbody>
              {previews.map(({ r, res }) => (
                <tr key={r.rowNumber} className={res.ok ? "" : "bg-red-50"}>
                  {p.headers.map((_, i) => (
                    <td key={i} className="border-b border-stone-100 px-2 py-1.5 text-stone-700">
                      {r.cells[i] ?? ""}
                    </td>
                  ))}
                  <td className="border-b border-stone-100 px-2 py-1.5 text-xs">
                    {res.ok ? <span className="text-emerald-700">✓</span> : res.problems.map((x) => t(`import.problems.${x.problem}`)).join(" ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {p.canEdit ? (
        <section className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block font-medium">{t("import.target")}</span>
            <select value={groupId} onChange={(e) => setGroupId(e.target.value)} disabled={running} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5">
              <option value="">{t("import.targetByColumn")}</option>
              {p.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="button" variant="secondary" pending={pending} disabled={running} onClick={() => run("check")}>
            {t("import.check")}
          </Button>
          <Button type="button" pending={pending} disabled={running} onClick={() => run("apply")}>
            {t("import.start")}
          </Button>
          {error ? <FormMessage error={error} /> : null}
        </section>
      ) : null}

      <section aria-live="polite" className="space-y-2">
        <p className="text-sm font-medium" data-testid="import-status">
          {t(`import.status.${s.status}`)}
        </p>
        {running || s.processedRows > 0 ? (
          <div className="flex items-center gap-3">
            <div className="h-3 flex-1 rounded bg-stone-200" role="progressbar" aria-label={t("import.progress")} aria-valuenow={percent ?? undefined} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-3 rounded bg-emerald-600 transition-all" style={{ width: `${percent ?? (running ? 50 : 100)}%` }} />
            </div>
            <span className="text-sm text-stone-600">{t("import.processed", { count: s.processedRows })}</span>
          </div>
        ) : null}
        {!running && (s.status === "checked" || s.status === "done") ? (
          <p className="text-sm" data-testid="import-summary">
            {s.status === "done"
              ? t("import.doneSummary", { imported: s.importedRows, skipped: s.skippedRows, created: s.createdMembers })
              : t("import.checkSummary", { ok: s.importedRows, skipped: s.skippedRows })}
          </p>
        ) : null}
        {s.status === "failed" ? <FormMessage error={t("import.failed")} /> : null}
      </section>

      {!running && p.problems.length > 0 ? (
        <section aria-labelledby="problems-title">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="problems-title" className="text-base font-semibold">
              {t("import.problemsTitle")}
            </h2>
            <a className="text-sm text-emerald-700 underline" href={`/w/${p.workspaceId}/members/import/${p.importId}/report`}>
              {t("import.downloadReport")}
            </a>
          </div>
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-xs text-stone-500">
              <tr>
                <th className="py-1 pr-3 font-medium">{t("import.row")}</th>
                <th className="py-1 pr-3 font-medium">{t("import.column")}</th>
                <th className="py-1 font-medium">{t("import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {p.problems.map((x) => (
                <tr key={`${x.rowNumber}-${x.column}-${x.problem}`} className="border-t border-stone-100">
                  <td className="py-1 pr-3">{x.rowNumber}</td>
                  <td className="py-1 pr-3">{x.column ? label(x.column as ImportField) : "—"}</td>
                  <td className="py-1">{t(`import.problems.${x.problem}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
