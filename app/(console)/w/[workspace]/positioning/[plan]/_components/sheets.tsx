"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  BUSINESS_STEPS,
  CHANNELS,
  GENDERS,
  LIFECYCLES,
  PLATFORMS,
  PRESET_TYPE_KEYS,
  PURPOSES,
  THRESHOLDS,
  TIERS,
  VALIDATION_METHODS,
  customTypeKey,
  type Sheet,
} from "@/lib/positioning/presets";
import { assembleStatement, type Answers } from "@/lib/positioning/schema";
import { ChoiceAnswer, DateAnswer, ListAnswer, MoneyAnswer, MultiAnswer, NumberAnswer, TextAnswer } from "./inputs";

export type SheetProps = {
  a: Answers;
  update: (change: (draft: Answers) => void) => void;
  err: (path: string) => string | undefined;
  customTypes: { id: string; name: string }[];
};

function useOptions() {
  const t = useTranslations("positioning.options") as unknown as (key: string) => string;
  return <V extends string>(group: string, values: readonly V[]) => values.map((value) => ({ value, label: t(`${group}.${value}`) }));
}

function BusinessModel({ a, update, err }: SheetProps) {
  const opts = useOptions();
  return (
    <>
      <ChoiceAnswer path="businessModel.step" value={a.businessModel.step} options={opts("businessSteps", BUSINESS_STEPS)} error={err("businessModel.step")} onChange={(v) => update((d) => void (d.businessModel.step = v))} />
      <TextAnswer path="businessModel.goal" long={false} value={a.businessModel.goal} error={err("businessModel.goal")} onChange={(v) => update((d) => void (d.businessModel.goal = v))} />
    </>
  );
}

function FiveW1H({ a, update, err }: SheetProps) {
  const opts = useOptions();
  const w = a.fiveW1H;
  return (
    <>
      <TextAnswer path="fiveW1H.why" value={w.why} error={err("fiveW1H.why")} onChange={(v) => update((d) => void (d.fiveW1H.why = v))} />
      <TextAnswer path="fiveW1H.what" value={w.what} error={err("fiveW1H.what")} onChange={(v) => update((d) => void (d.fiveW1H.what = v))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ChoiceAnswer path="fiveW1H.where.platform" value={w.where.platform} options={opts("platforms", PLATFORMS)} error={err("fiveW1H.where.platform")} onChange={(v) => update((d) => void (d.fiveW1H.where.platform = v))} />
        <TextAnswer path="fiveW1H.where.note" long={false} value={w.where.note} error={err("fiveW1H.where.note")} onChange={(v) => update((d) => void (d.fiveW1H.where.note = v))} />
      </div>
      <TextAnswer path="fiveW1H.who" value={w.who} error={err("fiveW1H.who")} onChange={(v) => update((d) => void (d.fiveW1H.who = v))} />
      <div className="grid gap-4 sm:grid-cols-3">
        <DateAnswer path="fiveW1H.when.buildDate" value={w.when.buildDate} error={err("fiveW1H.when.buildDate")} onChange={(v) => update((d) => void (d.fiveW1H.when.buildDate = v))} />
        <ChoiceAnswer path="fiveW1H.when.lifecycle" value={w.when.lifecycle} options={opts("lifecycles", LIFECYCLES)} error={err("fiveW1H.when.lifecycle")} onChange={(v) => update((d) => void (d.fiveW1H.when.lifecycle = v))} />
        <DateAnswer path="fiveW1H.when.endDate" value={w.when.endDate} error={err("fiveW1H.when.endDate")} onChange={(v) => update((d) => void (d.fiveW1H.when.endDate = v))} />
      </div>
      <TextAnswer path="fiveW1H.how" value={w.how} error={err("fiveW1H.how")} onChange={(v) => update((d) => void (d.fiveW1H.how = v))} />
    </>
  );
}

function FiveElements({ a, update, err }: SheetProps) {
  const opts = useOptions();
  const t = useTranslations("positioning");
  const e = a.fiveElements;
  const u = e.targetUsers;
  return (
    <>
      <TextAnswer path="fiveElements.purpose" value={e.purpose} error={err("fiveElements.purpose")} onChange={(v) => update((d) => void (d.fiveElements.purpose = v))} />
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberAnswer path="fiveElements.targetUsers.ageMin" value={u.ageMin} error={err("fiveElements.targetUsers.ageMin")} onChange={(v) => update((d) => void (d.fiveElements.targetUsers.ageMin = v))} />
        <NumberAnswer path="fiveElements.targetUsers.ageMax" value={u.ageMax} error={err("fiveElements.targetUsers.ageMax")} onChange={(v) => update((d) => void (d.fiveElements.targetUsers.ageMax = v))} />
        <ChoiceAnswer path="fiveElements.targetUsers.gender" value={u.gender} options={opts("genders", GENDERS)} error={err("fiveElements.targetUsers.gender")} onChange={(v) => update((d) => void (d.fiveElements.targetUsers.gender = v))} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <ListAnswer path="fiveElements.targetUsers.regions" value={u.regions} error={err("fiveElements.targetUsers.regions")} onChange={(v) => update((d) => void (d.fiveElements.targetUsers.regions = v))} />
        <ListAnswer path="fiveElements.targetUsers.occupations" value={u.occupations} error={err("fiveElements.targetUsers.occupations")} onChange={(v) => update((d) => void (d.fiveElements.targetUsers.occupations = v))} />
      </div>
      <TextAnswer path="fiveElements.value" value={e.value} error={err("fiveElements.value")} onChange={(v) => update((d) => void (d.fiveElements.value = v))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ChoiceAnswer
          path="fiveElements.entry.paid"
          value={e.entry.paid === null ? null : e.entry.paid ? "paid" : "free"}
          options={[{ value: "free", label: t("free") }, { value: "paid", label: t("paid") }]}
          onChange={(v) => update((d) => void (d.fiveElements.entry.paid = v === null ? null : v === "paid"))}
        />
        {e.entry.paid ? (
          <MoneyAnswer path="fiveElements.entry.priceCents" value={e.entry.priceCents} error={err("fiveElements.entry.priceCents")} onChange={(v) => update((d) => void (d.fiveElements.entry.priceCents = v))} />
        ) : null}
      </div>
      <MultiAnswer path="fiveElements.channels" value={e.channels} options={opts("channels", CHANNELS)} error={err("fiveElements.channels")} onChange={(v) => update((d) => void (d.fiveElements.channels = v))} />
    </>
  );
}

function SixQuestions({ a, update, err }: SheetProps) {
  const opts = useOptions();
  const q = a.sixQuestions;
  return (
    <>
      <TextAnswer path="sixQuestions.why" value={q.why} error={err("sixQuestions.why")} onChange={(v) => update((d) => void (d.sixQuestions.why = v))} />
      <MultiAnswer path="sixQuestions.purposes" value={q.purposes} options={opts("purposes", PURPOSES)} onChange={(v) => update((d) => void (d.sixQuestions.purposes = v))} />
      <TextAnswer path="sixQuestions.resources" value={q.resources} error={err("sixQuestions.resources")} onChange={(v) => update((d) => void (d.sixQuestions.resources = v))} />
      <MultiAnswer path="sixQuestions.validation.methods" value={q.validation.methods} options={opts("validationMethods", VALIDATION_METHODS)} onChange={(v) => update((d) => void (d.sixQuestions.validation.methods = v))} />
      <TextAnswer path="sixQuestions.validation.kpis" value={q.validation.kpis} error={err("sixQuestions.validation.kpis")} onChange={(v) => update((d) => void (d.sixQuestions.validation.kpis = v))} />
      <TextAnswer path="sixQuestions.outcome" value={q.outcome} error={err("sixQuestions.outcome")} onChange={(v) => update((d) => void (d.sixQuestions.outcome = v))} />
      <TextAnswer path="sixQuestions.growth" value={q.growth} error={err("sixQuestions.growth")} onChange={(v) => update((d) => void (d.sixQuestions.growth = v))} />
    </>
  );
}

function Statement({ a, update, err }: SheetProps) {
  const t = useTranslations("positioning");
  const s = a.statement;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextAnswer path="statement.people" long={false} value={s.people} error={err("statement.people")} onChange={(v) => update((d) => void (d.statement.people = v))} />
        <TextAnswer path="statement.solution" long={false} value={s.solution} error={err("statement.solution")} onChange={(v) => update((d) => void (d.statement.solution = v))} />
        <TextAnswer path="statement.problem" long={false} value={s.problem} error={err("statement.problem")} onChange={(v) => update((d) => void (d.statement.problem = v))} />
      </div>
      <Button type="button" variant="secondary" onClick={() => update((d) => void (d.statement.text = assembleStatement(d.statement)))}>
        {t("assemble")}
      </Button>
      <TextAnswer path="statement.text" value={s.text} error={err("statement.text")} onChange={(v) => update((d) => void (d.statement.text = v))} />
      <figure className="rounded-md bg-emerald-50 p-4 text-emerald-900">
        <figcaption className="text-xs text-emerald-700">{t("statementPreview")}</figcaption>
        <p className="mt-1 text-lg">{s.text || assembleStatement(s)}</p>
      </figure>
    </>
  );
}

function TypeThreshold({ a, update, err, customTypes }: SheetProps) {
  const opts = useOptions();
  const t = useTranslations("positioning");
  const tt = a.typeThreshold;
  const typeOptions = [
    ...PRESET_TYPE_KEYS.map((k) => ({ value: k as string, label: t(`options.types.${k}`), group: t("presetTypes") })),
    ...customTypes.map((c) => ({ value: customTypeKey(c.id), label: c.name, group: t("customTypes") })),
  ];
  return (
    <>
      <ChoiceAnswer path="typeThreshold.communityType" value={tt.communityType} options={typeOptions} error={err("typeThreshold.communityType")} onChange={(v) => update((d) => void (d.typeThreshold.communityType = v))} />
      <ChoiceAnswer path="typeThreshold.threshold" value={tt.threshold} options={opts("thresholds", THRESHOLDS)} error={err("typeThreshold.threshold")} onChange={(v) => update((d) => void (d.typeThreshold.threshold = v))} />
      {tt.threshold === "paid" ? (
        <MoneyAnswer path="typeThreshold.priceCents" value={tt.priceCents} error={err("typeThreshold.priceCents")} onChange={(v) => update((d) => void (d.typeThreshold.priceCents = v))} />
      ) : null}
      {tt.threshold === "condition" || tt.threshold === "invitation" ? (
        <TextAnswer path="typeThreshold.condition" value={tt.condition} error={err("typeThreshold.condition")} onChange={(v) => update((d) => void (d.typeThreshold.condition = v))} />
      ) : null}
      {tt.threshold === "level" ? (
        <TextAnswer path="typeThreshold.level" long={false} value={tt.level} error={err("typeThreshold.level")} onChange={(v) => update((d) => void (d.typeThreshold.level = v))} />
      ) : null}
      {tt.threshold === "purchase" ? (
        <ChoiceAnswer
          path="typeThreshold.product"
          value={tt.product || null}
          options={[...new Set([tt.product, ...a.products.map((p) => p.name)].filter(Boolean))].map((name) => ({ value: name, label: name }))}
          error={err("typeThreshold.product")}
          onChange={(v) => update((d) => void (d.typeThreshold.product = v ?? ""))}
        />
      ) : null}
    </>
  );
}

function Products({ a, update, err }: SheetProps) {
  const t = useTranslations("positioning");
  const cell = "rounded-md border border-stone-300 px-2 py-1 text-sm disabled:bg-stone-50";
  return (
    <>
      {a.products.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-stone-500">
              <tr>
                <th className="py-1 pr-2 font-medium">{t("productName")}</th>
                <th className="py-1 pr-2 font-medium">{t("productTier")}</th>
                <th className="py-1 pr-2 font-medium">{t("productPrice")}</th>
                <th className="py-1 pr-2 font-medium">{t("productEntry")}</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">{t("removeProduct")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {a.products.map((p, i) => (
                <tr key={p.id} className="align-top">
                  <td className="py-1 pr-2">
                    <input aria-label={`${t("productName")} ${i + 1}`} className={cell} value={p.name} onChange={(e) => update((d) => void (d.products[i]!.name = e.target.value))} />
                    {err(`products.${i}.name`) ? <p className="text-xs text-red-700">{err(`products.${i}.name`)}</p> : null}
                  </td>
                  <td className="py-1 pr-2">
                    <select aria-label={`${t("productTier")} ${i + 1}`} className={cell} value={p.tier} onChange={(e) => update((d) => void (d.products[i]!.tier = e.target.value as (typeof TIERS)[number]))}>
                      {TIERS.map((tier) => (
                        <option key={tier} value={tier}>
                          {t(`options.tiers.${tier}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="w-36 py-1 pr-2">
                    <MoneyAnswer path={`products.${i}.priceCents`} label={`${t("productPrice")} ${i + 1}`} value={p.priceCents} error={err(`products.${i}.priceCents`)} onChange={(v) => update((d) => void (d.products[i]!.priceCents = v))} />
                  </td>
                  <td className="py-1 pr-2">
                    <input type="checkbox" aria-label={`${t("productEntry")} ${i + 1}`} checked={p.isEntry} onChange={(e) => update((d) => void (d.products[i]!.isEntry = e.target.checked))} />
                  </td>
                  <td className="py-1">
                    <Button type="button" variant="ghost" className="min-h-8 px-2 py-1" onClick={() => update((d) => void d.products.splice(i, 1))}>
                      {t("removeProduct")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        onClick={() => update((d) => void d.products.push({ id: crypto.randomUUID().slice(0, 12), name: "", tier: "traffic", priceCents: null, isEntry: d.products.length === 0 }))}
      >
        {t("addProduct")}
      </Button>
    </>
  );
}

export const SHEET_COMPONENTS: Record<Sheet, (props: SheetProps) => React.ReactNode> = {
  businessModel: BusinessModel,
  fiveW1H: FiveW1H,
  fiveElements: FiveElements,
  sixQuestions: SixQuestions,
  statement: Statement,
  typeThreshold: TypeThreshold,
  products: Products,
};
