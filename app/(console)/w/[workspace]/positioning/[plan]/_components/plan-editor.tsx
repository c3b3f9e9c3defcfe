"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action-result";
import { completeness, contradictions, missingFields } from "@/lib/positioning/checks";
import type { SaveConflict } from "@/lib/positioning/commands";
import { formatValue, type Translate } from "@/lib/positioning/format";
import { SHEETS, type Sheet } from "@/lib/positioning/presets";
import { answersSchema, type Answers } from "@/lib/positioning/schema";
import { savePlanAction } from "../../actions";
import { SHEET_COMPONENTS } from "./sheets";

type Props = {
  workspaceId: string;
  plan: { id: string; name: string; version: number; answers: Answers; isExample: boolean };
  customTypes: { id: string; name: string }[];
  canEdit: boolean;
};

/** Warn before leaving with unsaved changes: on reload/close, and on in-app links. */
function useLeaveGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (link && !link.getAttribute("target") && !window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, message]);
}

export function PlanEditor({ workspaceId, plan, customTypes, canEdit }: Props) {
  const t = useTranslations("positioning");
  const tAll = useTranslations() as unknown as Translate;
  const [name, setName] = useState(plan.name);
  const [answers, setAnswers] = useState(plan.answers);
  const [saved, setSaved] = useState({ name: plan.name, answers: plan.answers, version: plan.version });
  const [revision, setRevision] = useState(0); // remounts the inputs when answers are replaced wholesale
  const [sheet, setSheet] = useState<Sheet>("businessModel");
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [pending, startTransition] = useTransition();

  const dirty = useMemo(() => name !== saved.name || JSON.stringify(answers) !== JSON.stringify(saved.answers), [name, answers, saved]);
  useLeaveGuard(dirty && canEdit, t("leaveWarning"));

  const missing = missingFields(answers);
  const score = completeness(answers);
  const issues = contradictions(answers);
  const conflict = result && !result.ok && result.error === "errors.planChanged" ? (result.details as SaveConflict) : null;
  const errors = clientErrors ?? (result && !result.ok ? result.fieldErrors : undefined);
  const err = (path: string) => errors?.[`answers.${path}`]?.map((k) => tAll(k)).join(" ");

  const update = (change: (draft: Answers) => void) =>
    setAnswers((prev) => {
      const next = structuredClone(prev);
      change(next);
      return next;
    });

  function save(baseVersion: number) {
    const input = { planId: plan.id, baseVersion, name, answers };
    const local = answersSchema.safeParse(answers);
    if (!local.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of local.error.issues) (fieldErrors[`answers.${issue.path.join(".")}`] ??= []).push(issue.message.includes(".") ? issue.message : "validation.invalid");
      setClientErrors(fieldErrors);
      const first = SHEETS.find((s) => Object.keys(fieldErrors).some((k) => k.startsWith(`answers.${s}`)));
      if (first) setSheet(first);
      return;
    }
    setClientErrors(null);
    startTransition(async () => {
      const r = await savePlanAction(workspaceId, null, input);
      setResult(r);
      if (r.ok) setSaved({ name, answers, version: r.data.version });
    });
  }

  function discardMine(c: SaveConflict) {
    setAnswers(c.theirs);
    setName(c.theirName);
    setSaved({ name: c.theirName, answers: c.theirs, version: c.currentVersion });
    setResult(null);
    setRevision((r) => r + 1);
  }

  const SheetForm = SHEET_COMPONENTS[sheet];
  const base = `/w/${workspaceId}/positioning/${plan.id}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="plan-name" className="block text-xs text-stone-500">
            {t("planName")}
          </label>
          <input
            id="plan-name"
            value={name}
            disabled={!canEdit}
            onChange={(e) => setName(e.target.value)}
            className="w-full rounded-md border border-transparent bg-transparent px-1 text-2xl font-semibold hover:border-stone-300 focus:border-stone-300 focus:bg-white disabled:hover:border-transparent"
          />
          {errors?.name ? <p className="text-sm text-red-700">{errors.name.map((k) => tAll(k)).join(" ")}</p> : null}
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span>{t("version", { version: saved.version })}</span>
            {plan.isExample && saved.version === 1 ? <Badge tone="amber">{t("example")}</Badge> : null}
            {dirty && canEdit ? <Badge tone="amber">{t("unsaved")}</Badge> : null}
          </div>
        </div>
        <nav className="flex flex-wrap gap-3 text-sm">
          <Link className="text-emerald-700 underline" href={`${base}/versions`}>
            {t("versions")}
          </Link>
          <Link className="text-emerald-700 underline" href={`${base}/print`}>
            {t("print")}
          </Link>
          <a className="text-emerald-700 underline" href={`${base}/export`} target="_blank" rel="noopener">
            {t("exportMd")}
          </a>
        </nav>
      </div>

      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex items-center gap-3">
          <div className="h-3 flex-1 rounded bg-stone-200" role="progressbar" aria-valuenow={score} aria-valuemin={0} aria-valuemax={100} aria-label={t("completeness", { value: score })}>
            <div className="h-3 rounded bg-emerald-600 transition-all" style={{ width: `${score}%` }} />
          </div>
          <span className="text-sm font-medium" data-testid="completeness">
            {t("completeness", { value: score })}
          </span>
        </div>
        {issues.length > 0 ? (
          <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">{t("contradictions")}</p>
            <ul className="mt-1 list-disc pl-5">
              {issues.map((c) => (
                <li key={c.field + c.code}>
                  <button type="button" className="underline" onClick={() => setSheet(c.sheet)}>
                    {t(`sheets.${c.sheet}`)}
                  </button>
                  : {t(`check.${c.code}`)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <div role="tablist" aria-label={t("title")} className="flex flex-wrap gap-1 border-b border-stone-200">
        {SHEETS.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`tab-${s}`}
            aria-selected={sheet === s}
            aria-controls="sheet-panel"
            onClick={() => setSheet(s)}
            className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${sheet === s ? "border-stone-200 border-b-white bg-white font-medium text-emerald-800" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {t(`sheets.${s}`)}
            {missing[s].length > 0 ? <span className="ml-1 text-xs text-amber-700">({missing[s].length})</span> : <span className="ml-1 text-xs text-emerald-700">✓</span>}
          </button>
        ))}
      </div>

      <section id="sheet-panel" role="tabpanel" aria-labelledby={`tab-${sheet}`} className="space-y-4 rounded-b-lg border border-t-0 border-stone-200 bg-white p-4 sm:p-6">
        <p className="text-sm text-stone-600">{t(`guide.${sheet}`)}</p>
        <p className={`text-sm ${missing[sheet].length ? "text-amber-800" : "text-emerald-800"}`}>
          {missing[sheet].length ? t("missing", { fields: missing[sheet].map((f) => t(`fields.${f}`)).join("、") }) : t("sheetComplete")}
        </p>
        <fieldset disabled={!canEdit} className="space-y-4" key={revision}>
          <SheetForm a={answers} update={update} err={err} customTypes={customTypes} />
        </fieldset>
      </section>

      {conflict ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" role="status">
          <p className="font-medium">{t("conflictTitle", { name: conflict.updatedByName ?? "?", version: conflict.currentVersion })}</p>
          <p className="mt-1">{t("conflictLead")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {conflict.theirChanges.map((path) => (
              <li key={path}>
                {path === "name" ? t("fields.name") : t(`fields.${path.replace(/^products\..*/, "products")}`)}:{" "}
                <span className="whitespace-pre-line">{path === "name" ? conflict.theirName : formatValue(path, leaf(conflict.theirs, path), tAll, customTypes) || t("notSet")}</span>
              </li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" onClick={() => save(conflict.currentVersion)} pending={pending}>
              {t("conflictOverwrite")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => discardMine(conflict)}>
              {t("conflictDiscard")}
            </Button>
          </div>
        </div>
      ) : null}

      {canEdit ? (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-stone-50/95 py-3">
          <Button type="button" onClick={() => save(saved.version)} pending={pending}>
            {pending ? t("saving") : t("savePlan")}
          </Button>
          {result?.ok && !dirty ? <FormMessage success={t("savedVersion", { version: result.data.version })} /> : null}
          {result && !result.ok && !conflict ? <FormMessage error={tAll(result.error)} /> : null}
          {clientErrors ? <FormMessage error={tAll("errors.invalidInput")} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function leaf(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
}
