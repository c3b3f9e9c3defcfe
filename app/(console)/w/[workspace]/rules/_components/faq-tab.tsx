"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteFaqAction, saveFaqAction } from "../actions";

type Faq = { id: string; category: string; question: string; answer: string };

export function FaqTab({ workspaceId, faq, canEdit }: { workspaceId: string; faq: Faq[]; canEdit: boolean }) {
  const t = useTranslations("rules");
  const form = useActionForm(saveFaqAction.bind(null, workspaceId), { resetOnSuccess: true });
  const categories = [...new Set(faq.map((f) => f.category))];
  return (
    <div className="space-y-6">
      {faq.length === 0 ? <p className="text-sm text-stone-500">{t("noFaq")}</p> : null}
      {categories.map((c) => (
        <section key={c} aria-label={c || t("uncategorised")}>
          <h3 className="text-sm font-semibold text-stone-700">{c || t("uncategorised")}</h3>
          <ul className="mt-1 divide-y divide-stone-100">
            {faq
              .filter((f) => f.category === c)
              .map((f) => (
                <li key={f.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium">{f.question}</p>
                    <p className="whitespace-pre-line text-sm text-stone-600">{f.answer}</p>
                  </div>
                  <div className="flex gap-1">
                    <CopyButton text={f.answer} label={t("copyAnswer")} />
                    {canEdit ? <ActionButton action={deleteFaqAction.bind(null, workspaceId)} fields={{ faqId: f.id }} label={t("delete")} ariaLabel={`${t("delete")}:${f.question}`} /> : null}
                  </div>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {canEdit ? (
        <form onSubmit={form.onSubmit} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[10rem_1fr]" noValidate aria-label={t("addFaq")}>
          <Field label={t("category")} name="category" list="faq-categories" error={form.fieldError("category")} />
          <datalist id="faq-categories">
            {categories.filter(Boolean).map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field label={t("faqQuestion")} name="question" error={form.fieldError("question")} />
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="faq-answer" className="block text-sm font-medium">
              {t("faqAnswer")}
            </label>
            <textarea id="faq-answer" name="answer" rows={3} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" />
            {form.fieldError("answer") ? <p className="text-sm text-red-700">{form.fieldError("answer")}</p> : null}
          </div>
          <div>
            <Button type="submit" pending={form.pending}>
              {t("addFaq")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
