"use client";

import { useTranslations } from "next-intl";
import type { ContentOption } from "@/lib/content/options";
import { CONTENT_CATEGORIES, MAX_TEXT, SOP_OWNER_ROLES, type SopTiming } from "@/lib/sop/schema";
import { whenLabel } from "./when";

export type DraftStep = {
  key: string;
  id?: string;
  weekday: string;
  dayOffset: string;
  time: string;
  source: "inline" | "library";
  contentItemId: string;
  variantId: string;
  title: string;
  inlineText: string;
  category: string;
  ownerRole: string;
  notes: string;
};

const control = "block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/** One editable row of the steps table; every control is labelled for screen readers and keyboards. */
export function StepRow({
  step,
  index,
  count,
  timing,
  options,
  error,
  fieldError,
  onChange,
  onMove,
  onRemove,
  disabled,
}: {
  step: DraftStep;
  index: number;
  count: number;
  timing: SopTiming;
  options: ContentOption[];
  error?: string;
  fieldError: (name: string) => string | undefined;
  onChange: (patch: Partial<DraftStep>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  disabled: boolean;
}) {
  const t = useTranslations("sop");
  const n = index + 1;
  const id = (name: string) => `step-${step.key}-${name}`;
  const item = options.find((o) => o.id === step.contentItemId);
  const err = (name: string) => fieldError(`steps.${index}.${name}`);
  const described = (name: string) => (err(name) ? { "aria-invalid": true, "aria-describedby": id(`${name}-error`) } : {});
  const small = (name: string) => (err(name) ? <p id={id(`${name}-error`)} className="mt-1 text-xs text-red-700">{err(name)}</p> : null);
  return (
    <tr className={`border-t border-stone-200 align-top ${error ? "bg-red-50" : ""}`} data-testid="sop-step">
      <th scope="row" className="py-2 pr-2 text-left text-sm font-medium text-stone-500">
        {n}
      </th>
      <td className="py-2 pr-2">
        <div className="flex flex-wrap gap-1">
          {timing === "weekly" ? (
            <div className="w-20">
              <label htmlFor={id("weekday")} className="sr-only">{t("stepWeekday", { n })}</label>
              <select id={id("weekday")} className={control} value={step.weekday} onChange={(e) => onChange({ weekday: e.target.value })} disabled={disabled} {...described("weekday")}>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={d}>{t(`weekdays.${d}`)}</option>
                ))}
              </select>
            </div>
          ) : null}
          {timing === "relative" ? (
            <div className="w-20">
              <label htmlFor={id("dayOffset")} className="sr-only">{t("stepDayOffset", { n })}</label>
              <input id={id("dayOffset")} type="number" min={-365} max={365} className={control} value={step.dayOffset} onChange={(e) => onChange({ dayOffset: e.target.value })} disabled={disabled} {...described("dayOffset")} />
            </div>
          ) : null}
          <div className="w-28">
            <label htmlFor={id("time")} className="sr-only">{t("stepTime", { n })}</label>
            <input id={id("time")} type="time" required className={control} value={step.time} onChange={(e) => onChange({ time: e.target.value })} disabled={disabled} {...described("time")} />
          </div>
        </div>
        {/^\d{2}:\d{2}$/.test(step.time) ? (
          <p className="mt-1 text-xs text-stone-500">{whenLabel(t, { timing, weekday: Number(step.weekday), dayOffset: Number(step.dayOffset) || 0, time: step.time })}</p>
        ) : null}
        {small("weekday")}
        {small("dayOffset")}
        {small("time")}
        {error ? (
          <p id={id("order-error")} role="status" className="mt-1 max-w-48 text-xs font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </td>
      <td className="min-w-72 py-2 pr-2">
        <div className="space-y-1">
          <label htmlFor={id("source")} className="sr-only">{t("stepSource", { n })}</label>
          <select id={id("source")} className={control} value={step.source} onChange={(e) => onChange({ source: e.target.value as DraftStep["source"] })} disabled={disabled}>
            <option value="inline">{t("sourceInline")}</option>
            <option value="library" disabled={!options.length}>{t("sourceLibrary")}</option>
          </select>
          {step.source === "library" ? (
            <div className="flex gap-1">
              <div className="grow">
                <label htmlFor={id("item")} className="sr-only">{t("stepItem", { n })}</label>
                <select id={id("item")} className={control} value={step.contentItemId} onChange={(e) => onChange({ contentItemId: e.target.value, variantId: "" })} disabled={disabled} {...described("contentItemId")}>
                  <option value="">{t("pickItem")}</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>{`${o.title} · ${t(`categories.${o.category}`)}`}</option>
                  ))}
                </select>
              </div>
              <div className="w-28">
                <label htmlFor={id("variant")} className="sr-only">{t("stepVariant", { n })}</label>
                <select id={id("variant")} className={control} value={step.variantId} onChange={(e) => onChange({ variantId: e.target.value })} disabled={disabled || !item} {...described("variantId")}>
                  <option value="">{t("anyVariant")}</option>
                  {item?.variants.map((v) => (
                    <option key={v.id} value={v.id}>{v.label}</option>
                  ))}
                </select>
              </div>
            </div>
          ) : (
            <>
              <label htmlFor={id("title")} className="sr-only">{t("stepTitle", { n })}</label>
              <input id={id("title")} className={control} placeholder={t("titlePlaceholder")} value={step.title} maxLength={100} onChange={(e) => onChange({ title: e.target.value })} disabled={disabled} {...described("title")} />
              <label htmlFor={id("text")} className="sr-only">{t("stepText", { n })}</label>
              <textarea id={id("text")} rows={3} className={control} placeholder={t("textPlaceholder")} value={step.inlineText} onChange={(e) => onChange({ inlineText: e.target.value })} disabled={disabled} {...described("inlineText")} />
              <p className={`text-right text-xs ${step.inlineText.length > MAX_TEXT ? "text-red-700" : "text-stone-400"}`}>
                {step.inlineText.length} / {MAX_TEXT}
              </p>
              <label htmlFor={id("category")} className="sr-only">{t("stepCategory", { n })}</label>
              <select id={id("category")} className={control} value={step.category} onChange={(e) => onChange({ category: e.target.value })} disabled={disabled}>
                {CONTENT_CATEGORIES.map((c) => (
                  <option key={c} value={c}>{t(`categories.${c}`)}</option>
                ))}
              </select>
            </>
          )}
          {small("contentItemId")}
          {small("variantId")}
          {small("title")}
          {small("inlineText")}
        </div>
      </td>
      <td className="py-2 pr-2">
        <label htmlFor={id("owner")} className="sr-only">{t("stepOwner", { n })}</label>
        <select id={id("owner")} className={`${control} min-w-24`} value={step.ownerRole} onChange={(e) => onChange({ ownerRole: e.target.value })} disabled={disabled}>
          {SOP_OWNER_ROLES.map((r) => (
            <option key={r} value={r}>{t(`owners.${r}`)}</option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-2">
        <label htmlFor={id("notes")} className="sr-only">{t("stepNotes", { n })}</label>
        <textarea id={id("notes")} rows={2} maxLength={500} className={`${control} min-w-36`} value={step.notes} onChange={(e) => onChange({ notes: e.target.value })} disabled={disabled} {...described("notes")} />
        {small("notes")}
      </td>
      <td className="py-2">
        {disabled ? null : (
          <div className="flex flex-col gap-1">
            <button type="button" className="rounded border border-stone-300 px-2 py-1 text-xs disabled:opacity-40" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t("moveUp", { n })}>
              ↑
            </button>
            <button type="button" className="rounded border border-stone-300 px-2 py-1 text-xs disabled:opacity-40" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t("moveDown", { n })}>
              ↓
            </button>
            <button type="button" className="rounded border border-red-200 px-2 py-1 text-xs text-red-700 disabled:opacity-40" onClick={onRemove} disabled={count === 1} aria-label={t("removeStep", { n })}>
              ✕
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
