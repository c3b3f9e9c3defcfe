"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { mergeMembersAction } from "../../actions";

export function MergeButton({ workspaceId, keepId, mergeId }: { workspaceId: string; keepId: string; mergeId: string }) {
  const t = useTranslations("members");
  const router = useRouter();
  const form = useActionForm(mergeMembersAction.bind(null, workspaceId));
  useEffect(() => {
    if (form.state?.ok) router.push(`/w/${workspaceId}/members/${keepId}`);
  }, [form.state, router, workspaceId, keepId]);
  return (
    <form onSubmit={form.onSubmit} className="flex items-center gap-3">
      <input type="hidden" name="keepId" value={keepId} />
      <input type="hidden" name="mergeId" value={mergeId} />
      <Button type="submit" variant="danger" pending={form.pending}>
        {t("mergeConfirm")}
      </Button>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
    </form>
  );
}
