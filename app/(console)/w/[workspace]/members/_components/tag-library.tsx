"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTagAction, createTagGroupAction, deleteTagAction } from "../actions";

type Props = {
  workspaceId: string;
  canEdit: boolean;
  groups: { id: string; name: string }[];
  tags: { id: string; name: string; tagGroupId: string | null; members: number }[];
};

export function TagLibrary({ workspaceId, canEdit, groups, tags }: Props) {
  const t = useTranslations("members");
  const groupForm = useActionForm(createTagGroupAction.bind(null, workspaceId), { resetOnSuccess: true });
  const tagForm = useActionForm(createTagAction.bind(null, workspaceId), { resetOnSuccess: true });
  const sections = [...groups.map((g) => ({ id: g.id as string | null, name: g.name })), { id: null, name: t("ungrouped") }];
  return (
    <div className="space-y-4">
      {tags.length === 0 ? <p className="text-sm text-stone-500">{t("noTags")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((section) => {
          const inSection = tags.filter((tag) => tag.tagGroupId === section.id);
          if (inSection.length === 0 && section.id === null) return null;
          return (
            <section key={section.id ?? "none"} className="rounded-md border border-stone-200 p-3">
              <h3 className="text-sm font-semibold">{section.name}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {inSection.map((tag) => (
                  <li key={tag.id} className="flex items-center justify-between gap-2">
                    <span>
                      {tag.name} <span className="text-xs text-stone-500">{t("tagMembers", { count: tag.members })}</span>
                    </span>
                    {canEdit ? <ActionButton action={deleteTagAction.bind(null, workspaceId)} fields={{ tagId: tag.id }} label={t("deleteTag")} ariaLabel={`${t("deleteTag")} ${tag.name}`} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {canEdit ? (
        <div className="grid gap-4 md:grid-cols-2">
          <form onSubmit={tagForm.onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
            <Field label={t("tagName")} name="name" id="new-tag-name" error={tagForm.fieldError("name")} />
            <SelectField label={t("tagGroup")} name="tagGroupId" id="new-tag-group" options={[{ value: "", label: t("ungrouped") }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
            <Button type="submit" variant="secondary" pending={tagForm.pending}>
              {t("addTag")}
            </Button>
          </form>
          <form onSubmit={groupForm.onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
            <Field label={t("tagGroupName")} name="name" id="new-tag-group-name" error={groupForm.fieldError("name")} />
            <Button type="submit" variant="secondary" pending={groupForm.pending}>
              {t("addTagGroup")}
            </Button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
