"use client";

import type { ActionResult, ActionState } from "@/lib/action-result";
import { Button } from "./button";
import { FormMessage } from "./form-message";
import { useActionForm } from "./use-action-form";

/**
 * A one-click action on one row (revoke, delete, archive, restore…): the row's ids travel as
 * hidden fields; the workspace is already bound into `action` on the server side.
 */
export function ActionButton<T>({
  action,
  fields,
  label,
  ariaLabel,
  variant = "ghost",
  confirm,
}: {
  action: (prev: ActionState<T>, input: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string | number>;
  label: string;
  ariaLabel?: string;
  variant?: "ghost" | "secondary" | "danger";
  confirm?: string;
}) {
  const form = useActionForm(action);
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) return e.preventDefault();
        form.onSubmit(e);
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} pending={form.pending} aria-label={ariaLabel} className="min-h-8 px-2 py-1">
        {label}
      </Button>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
    </form>
  );
}
