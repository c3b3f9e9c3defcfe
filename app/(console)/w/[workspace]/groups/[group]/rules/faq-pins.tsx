"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { CopyButton } from "@/components/ui/copy-button";
import { pinFaqAction } from "../../../rules/actions";

type Faq = { id: string; category: string; question: string; answer: string };

/** The group's own FAQ: pinned entries first, the rest of the handbook to pin from. */
export function FaqPins({ workspaceId, groupId, faq, pinned, canEdit }: { workspaceId: string; groupId: string; faq: Faq[]; pinned: string[]; canEdit: boolean }) {
  const t = useTranslations("rules");
  const pinnedRows = faq.filter((f) => pinned.includes(f.id));
  const others = faq.filter((f) => !pinned.includes(f.id));
  const row = (f: Faq, isPinned: boolean) => (
    <li key={f.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">{f.question}</p>
        <p className="whitespace-pre-line text-sm text-stone-600">{f.answer}</p>
      </div>
      <div className="flex gap-1">
        {isPinned ? <CopyButton text={f.answer} /> : null}
        {canEdit ? (
          <ActionButton
            action={pinFaqAction.bind(null, workspaceId)}
            fields={{ groupId, faqId: f.id, pinned: isPinned ? "false" : "true" }}
            label={isPinned ? t("unpin") : t("pin")}
            ariaLabel={`${isPinned ? t("unpin") : t("pin")}:${f.question}`}
          />
        ) : null}
      </div>
    </li>
  );
  return (
    <div className="space-y-4">
      {pinnedRows.length === 0 ? <p className="text-sm text-stone-500">{t("noPins")}</p> : <ul className="divide-y divide-stone-100">{pinnedRows.map((f) => row(f, true))}</ul>}
      {canEdit && others.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm text-emerald-800">{t("pinMore", { count: others.length })}</summary>
          <ul className="divide-y divide-stone-100">{others.map((f) => row(f, false))}</ul>
        </details>
      ) : null}
    </div>
  );
}
