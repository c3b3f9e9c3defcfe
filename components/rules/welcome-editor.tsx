"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action-result";
import { renderWelcome, screenFit, SCREEN, WELCOME_PARTS, type WelcomeContent } from "@/lib/rules/welcome";
import { PhonePreview } from "./phone-preview";

type Props = {
  initial: WelcomeContent;
  name: string;
  title: string;
  sender: string;
  canEdit: boolean;
  drafts: { label: string; content: WelcomeContent }[];
  save: (input: { name: string; content: WelcomeContent }) => Promise<ActionResult<unknown>>;
  nameEditable?: boolean;
};

const box = "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm disabled:bg-stone-50";

/** The five parts on the left, the phone on the right, and the one-screen check between them. */
export function WelcomeEditor({ initial, name: initialName, title, sender, canEdit, drafts, save, nameEditable }: Props) {
  const t = useTranslations("rules");
  const tAll = useTranslations();
  const [content, setContent] = useState(initial);
  const [name, setName] = useState(initialName);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const paragraphs = renderWelcome(content, t("sampleNickname"));
  const fit = screenFit(paragraphs);
  const err = (path: string) => (result && !result.ok ? result.fieldErrors?.[path]?.map((k) => tAll(k)).join(" ") : undefined);
  const set = (change: (c: WelcomeContent) => void) =>
    setContent((prev) => {
      const next = structuredClone(prev);
      change(next);
      return next;
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <fieldset disabled={!canEdit} className="space-y-4">
        {nameEditable ? (
          <div className="space-y-1">
            <label htmlFor="welcome-name" className="block text-sm font-medium">
              {t("templateName")}
            </label>
            <input id="welcome-name" className={box} value={name} onChange={(e) => setName(e.target.value)} />
            {err("name") ? <p className="text-sm text-red-700">{err("name")}</p> : null}
          </div>
        ) : null}
        {drafts.length > 0 && canEdit ? (
          <div className="flex flex-wrap gap-2">
            {drafts.map((d) => (
              <Button key={d.label} type="button" variant="secondary" onClick={() => setContent(structuredClone(d.content))}>
                {d.label}
              </Button>
            ))}
          </div>
        ) : null}
        <div className="space-y-1">
          <label htmlFor="welcome-greeting" className="block text-sm font-medium">
            {t("greeting")}
          </label>
          <input id="welcome-greeting" className={box} value={content.greeting} onChange={(e) => set((c) => void (c.greeting = e.target.value))} />
          <p className="text-xs text-stone-500">{t("greetingHint")}</p>
          {err("content.greeting") ? <p className="text-sm text-red-700">{err("content.greeting")}</p> : null}
        </div>
        {WELCOME_PARTS.map((p) => (
          <div key={p} className="space-y-1">
            <label htmlFor={`welcome-${p}`} className="block text-sm font-medium">
              {t(`parts.${p}`)}
            </label>
            <textarea id={`welcome-${p}`} rows={2} className={box} value={content.parts[p]} onChange={(e) => set((c) => void (c.parts[p] = e.target.value))} />
            <p className="text-xs text-stone-500">{t(`partHints.${p}`)}</p>
            {err(`content.parts.${p}`) ? <p className="text-sm text-red-700">{err(`content.parts.${p}`)}</p> : null}
          </div>
        ))}
        <Questionnaire content={content} set={set} />
        {canEdit ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button
              type="button"
              pending={pending}
              onClick={() => startTransition(async () => setResult(await save({ name, content })))}
            >
              {t("saveWelcome")}
            </Button>
            <FormMessage error={result && !result.ok ? tAll(result.error) : undefined} success={result?.ok ? tAll("common.saved") : undefined} />
          </div>
        ) : null}
      </fieldset>
      <div className="space-y-3 lg:sticky lg:top-4 lg:self-start">
        <PhonePreview title={title} sender={sender} paragraphs={paragraphs} label={t("preview")} />
        <p role="status" className={`rounded-md px-3 py-2 text-sm ${fit.fits ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`} data-testid="screen-check">
          {fit.fits ? t("fits", { lines: fit.lines, chars: fit.chars }) : t("tooLong", { lines: fit.lines, chars: fit.chars, maxLines: SCREEN.lines, maxChars: SCREEN.chars })}
        </p>
        <p className="text-xs text-stone-500">{t("screenRule", { perLine: SCREEN.charsPerLine, maxLines: SCREEN.lines, maxChars: SCREEN.chars })}</p>
      </div>
    </div>
  );
}

function Questionnaire({ content, set }: { content: WelcomeContent; set: (change: (c: WelcomeContent) => void) => void }) {
  const t = useTranslations("rules");
  return (
    <section className="space-y-3 rounded-md border border-stone-200 p-3">
      <h3 className="text-sm font-semibold">{t("questionnaire")}</h3>
      <p className="text-xs text-stone-500">{t("questionnaireHint")}</p>
      {content.questionnaire.map((q, qi) => (
        <div key={qi} className="space-y-2 rounded-md bg-stone-50 p-2">
          <label className="block text-sm">
            {t("question", { n: qi + 1 })}
            <input className={box} value={q.question} onChange={(e) => set((c) => void (c.questionnaire[qi]!.question = e.target.value))} />
          </label>
          {q.options.map((o, oi) => (
            <div key={oi} className="grid grid-cols-2 gap-2">
              <label className="text-xs">
                {t("option", { n: oi + 1 })}
                <input className={box} value={o.label} onChange={(e) => set((c) => void (c.questionnaire[qi]!.options[oi]!.label = e.target.value))} />
              </label>
              <label className="text-xs">
                {t("optionTag")}
                <input className={box} value={o.tag} onChange={(e) => set((c) => void (c.questionnaire[qi]!.options[oi]!.tag = e.target.value))} />
              </label>
            </div>
          ))}
          <div className="flex gap-2">
            {q.options.length < 6 ? (
              <Button type="button" variant="ghost" onClick={() => set((c) => void c.questionnaire[qi]!.options.push({ label: "", tag: "" }))}>
                {t("addOption")}
              </Button>
            ) : null}
            <Button type="button" variant="ghost" onClick={() => set((c) => void c.questionnaire.splice(qi, 1))}>
              {t("removeQuestion")}
            </Button>
          </div>
        </div>
      ))}
      {content.questionnaire.length < 5 ? (
        <Button type="button" variant="secondary" onClick={() => set((c) => void c.questionnaire.push({ question: "", options: [{ label: "", tag: "" }, { label: "", tag: "" }] }))}>
          {t("addQuestion")}
        </Button>
      ) : null}
    </section>
  );
}
