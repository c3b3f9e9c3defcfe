"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteLiveCodeAction } from "../actions";

/** Deleting breaks printed posters, so it asks first and then returns to the list. */
export function DeleteLiveCodeButton({ workspaceId, liveCodeId, label, confirm }: { workspaceId: string; liveCodeId: string; label: string; confirm: string }) {
  const router = useRouter();
  const form = useActionForm(deleteLiveCodeAction.bind(null, workspaceId));
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${workspaceId}/livecodes`);
  }, [form.state, router, workspaceId]);
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        if (!window.confirm(confirm)) return e.preventDefault();
        form.onSubmit(e);
      }}
    >
      <input type="hidden" name="liveCodeId" value={liveCodeId} />
      <Button type="submit" variant="danger" pending={form.pending}>
        {label}
      </Button>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
    </form>
  );
}
