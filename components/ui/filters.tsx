import type { ReactNode } from "react";

/** A GET form of list filters: the URL holds the filter, so it can be shared and paged. */
export function FilterBar({ action, children }: { action: string; children: ReactNode }) {
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      {children}
    </form>
  );
}

export function FilterSearch({ label, name = "q", value }: { label: string; name?: string; value?: string }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-stone-500">{label}</span>
      <input name={name} defaultValue={value ?? ""} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
    </label>
  );
}

/** `anyLabel` adds an empty first option ("all"); leave it out for a filter that always has a value. */
export function FilterSelect({ label, name, value, options, anyLabel }: { label: string; name: string; value?: string; options: { value: string; label: string }[]; anyLabel?: string }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-stone-500">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5">
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterSubmit({ label }: { label: string }) {
  return (
    <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm">
      {label}
    </button>
  );
}
