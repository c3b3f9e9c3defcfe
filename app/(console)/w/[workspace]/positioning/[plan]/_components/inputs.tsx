"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { FieldFrame } from "@/components/ui/field";

/** Worksheet inputs bound to one answer each; `path` names the answer, its label and its error. */
type Base = { path: string; error?: string; hint?: string; children?: ReactNode };

const box = "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-emerald-600 disabled:bg-stone-50 disabled:text-stone-700 aria-[invalid=true]:border-red-500";

const idOf = (path: string) => `a-${path.replaceAll(".", "-")}`;

function useLabel(path: string) {
  const t = useTranslations("positioning.fields");
  return t(path);
}

export function Wrap({ path, error, hint, label, children }: Base & { label: string }) {
  return (
    <FieldFrame id={idOf(path)} label={label} error={error} hint={hint}>
      {children}
    </FieldFrame>
  );
}

const aria = (path: string, error?: string) => ({
  id: idOf(path),
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${idOf(path)}-error` : undefined,
});

export function TextAnswer({ path, value, onChange, error, hint, long = true }: Base & { value: string; onChange: (v: string) => void; long?: boolean }) {
  const label = useLabel(path);
  return (
    <Wrap path={path} label={label} error={error} hint={hint}>
      {long ? (
        <textarea {...aria(path, error)} className={box} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...aria(path, error)} className={box} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Wrap>
  );
}

export function ChoiceAnswer<V extends string>({
  path,
  value,
  options,
  onChange,
  error,
}: Base & { value: V | null; options: { value: V; label: string; group?: string }[]; onChange: (v: V | null) => void }) {
  const label = useLabel(path);
  const t = useTranslations("positioning");
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const render = (opts: typeof options) => opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <Wrap path={path} label={label} error={error}>
      <select {...aria(path, error)} className={box} value={value ?? ""} onChange={(e) => onChange((e.target.value || null) as V | null)}>
        <option value="">{t("choose")}</option>
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {render(options.filter((o) => (o.group ?? "") === g))}
              </optgroup>
            ))
          : render(options)}
      </select>
    </Wrap>
  );
}

export function MultiAnswer<V extends string>({ path, value, options, onChange, error }: Base & { value: V[]; options: { value: V; label: string }[]; onChange: (v: V[]) => void }) {
  const label = useLabel(path);
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/** Whole numbers; an empty box is "not answered", anything unparsable is sent as NaN for zod to name. */
export function NumberAnswer({ path, value, onChange, error }: Base & { value: number | null; onChange: (v: number | null) => void }) {
  const label = useLabel(path);
  return (
    <Wrap path={path} label={label} error={error}>
      <input
        {...aria(path, error)}
        className={box}
        type="number"
        inputMode="numeric"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      />
    </Wrap>
  );
}

/** Yuan on screen, cents in the answers. */
export function MoneyAnswer({ path, value, onChange, error, label: given }: Base & { value: number | null; onChange: (v: number | null) => void; label?: string }) {
  const fallback = useLabel(path);
  const [text, setText] = useState(value === null ? "" : String(value / 100));
  return (
    <Wrap path={path} label={given ?? fallback} error={error}>
      <input
        {...aria(path, error)}
        className={box}
        inputMode="decimal"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const trimmed = e.target.value.trim();
          onChange(trimmed === "" ? null : /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN);
        }}
      />
    </Wrap>
  );
}

export function DateAnswer({ path, value, onChange, error }: Base & { value: string | null; onChange: (v: string | null) => void }) {
  const label = useLabel(path);
  return (
    <Wrap path={path} label={label} error={error}>
      <input {...aria(path, error)} className={box} type="date" value={value ?? ""} onChange={(e) => onChange(e.target.value || null)} />
    </Wrap>
  );
}

/** A short list typed as one line: commas (either width) or 、 separate the values. */
export function ListAnswer({ path, value, onChange, error }: Base & { value: string[]; onChange: (v: string[]) => void }) {
  const label = useLabel(path);
  const t = useTranslations("positioning");
  const [text, setText] = useState(value.join("、"));
  return (
    <Wrap path={path} label={label} error={error} hint={t("listHint")}>
      <input
        {...aria(path, error)}
        className={box}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split(/[,,、]/).map((s) => s.trim()).filter(Boolean));
        }}
      />
    </Wrap>
  );
}
