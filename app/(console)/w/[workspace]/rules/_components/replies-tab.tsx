"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { countReplyUseAction, createQuickReplyAction, deleteQuickReplyAction } from "../actions";

type Reply = { id: string; keyword: string; body: string; uses: number };

function CopyReply({ workspaceId, reply }: { workspaceId: string; reply: Reply }) {
  const t = useTranslations("rules");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      className="min-h-8 px-2 py-1"
      aria-label={`${t("copy")}:${reply.keyword}`}
      onClick={async () => {
        await navigator.clipboard?.writeText(reply.body).catch(() => undefined);
        setCopied(true);
        await countReplyUseAction(workspaceId, null, { replyId: reply.id });
      }}
    >
      {copied ? t("copied") : t("copy")}
    </Button>
  );
}

export function RepliesTab({ workspaceId, replies, canEdit }: { workspaceId: string; replies: Reply[]; canEdit: boolean }) {
  const t = useTranslations("rules");
  const form = useActionForm(createQuickReplyAction.bind(null, workspaceId), { resetOnSuccess: true });
  return (
    <div className="space-y-6">
      {replies.length === 0 ? <p className="text-sm text-stone-500">{t("noReplies")}</p> : null}
      <ul className="divide-y divide-stone-100">
        {replies.map((r) => (
          <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium">
                /{r.keyword} <span className="text-xs font-normal text-stone-500">{t("uses", { count: r.uses })}</span>
              </p>
              <p className="whitespace-pre-line text-sm text-stone-600">{r.body}</p>
            </div>
            <div className="flex gap-1">
              <CopyReply workspaceId={workspaceId} reply={r} />
              {canEdit ? <ActionButton action={deleteQuickReplyAction.bind(null, workspaceId)} fields={{ replyId: r.id }} label={t("delete")} ariaLabel={`${t("delete")}:${r.keyword}`} /> : null}
            </div>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={form.onSubmit} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end" noValidate aria-label={t("addReply")}>
          <Field label={t("keyword")} name="keyword" error={form.fieldError("keyword")} />
          <Field label={t("replyBody")} name="body" error={form.fieldError("body")} />
          <Button type="submit" pending={form.pending}>
            {t("addReply")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
