"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult, ActionState } from "@/lib/action-result";

/**
 * Wires a form to a server action. Submitting through onSubmit (not the form's action prop)
 * keeps what the user typed when the server answers with field errors.
 */
export function useActionForm<T>(
  action: (prev: ActionState<T>, input: FormData) => Promise<ActionResult<T>>,
  opts: { resetOnSuccess?: boolean } = {},
) {
  const [state, dispatch, pending] = useActionState(action, null);
  const lastForm = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (state?.ok && opts.resetOnSuccess) lastForm.current?.reset();
  }, [state, opts.resetOnSuccess]);
  const t = useTranslations();
  const fieldError = (name: string) =>
    state && !state.ok && state.fieldErrors?.[name] ? state.fieldErrors[name].map((key) => t(key)).join(" ") : undefined;
  const formError = state && !state.ok ? t(state.error) : undefined;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    lastForm.current = event.currentTarget;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, fieldError, formError, onSubmit };
}
