"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { addMemberTagAction, removeMemberTagAction } from "../../actions";

type Props = { workspaceId: string; memberId: string; canEdit: boolean; tags: { id: string; label: string }[]; options: { value: string; label: string }[] };

export function MemberTags({ workspaceId, memberId, canEdit, tags, options }: Props) {
  const t = useTranslations("members");
  const add = useActionForm(addMemberTagAction.bind(null, workspaceId));
  const free = options.filter((o) => !tags.some((x) => x.id === o.value));
  return (
    <div className="space-y-3">
      {tags.length === 0 ? <p className="text-sm text-stone-500">{t("noMemberTags")}</p> : null}
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.id} className="flex items-center gap-1 rounded-full bg-emerald-50 py-0.5 pl-3 pr-1 text-sm text-emerald-900">
            {tag.label}
            {canEdit ? (
              <ActionButton action={removeMemberTagAction.bind(null, workspaceId)} fields={{ memberId, tagId: tag.id }} label="×" ariaLabel={t("removeTag", { name: tag.label })} />
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && free.length > 0 ? (
        <form onSubmit={add.onSubmit} className="flex items-end gap-2">
          <input type="hidden" name="memberId" value={memberId} />
          <label className="text-sm">
            <span className="block text-xs text-stone-500">{t("addTagTo")}</span>
            <select name="tagId" className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5">
              {free.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary" pending={add.pending}>
            {t("addTagTo")}
          </Button>
        </form>
      ) : null}
      {add.state && !add.state.ok ? <FormMessage error={add.formError} /> : null}
    </div>
  );
}
