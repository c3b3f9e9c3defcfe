import { getFormatter, getTranslations } from "next-intl/server";
import type { ExperimentDetail, ExperimentResults } from "@/lib/experiments/queries";

/** The result in plain words: not enough data yet, or who likely wins and how sure we are. */
export async function Verdict({ experiment, results }: { experiment: ExperimentDetail; results: ExperimentResults }) {
  const [t, format] = await Promise.all([getTranslations("experiments.verdict"), getFormatter()]);
  const a = experiment.variantA.label;
  const b = experiment.variantB.label;
  if (results.verdict === "notEnoughData" || results.probBBeatsA === null) {
    return (
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("notEnoughData", { min: experiment.minSample, a, b, reachA: format.number(results.a.reach), reachB: format.number(results.b.reach) })}
      </p>
    );
  }
  const pct = (v: number) => format.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const p = pct(results.probBBeatsA);
  return (
    <div className="space-y-3 text-sm">
      <p className="text-base font-medium text-stone-900">{t(results.verdict, { a, b, p })}</p>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-md bg-stone-50 p-3">
          <dt className="text-xs text-stone-500">{t("probability", { a, b })}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{p}</dd>
        </div>
        <div className="rounded-md bg-stone-50 p-3">
          <dt className="text-xs text-stone-500">z-test</dt>
          <dd className="mt-1">
            {results.zTest ? (
              <>
                {t("zTest", { z: results.zTest.z.toFixed(2), p: results.zTest.pValue < 0.001 ? "< 0.001" : results.zTest.pValue.toFixed(3) })} {results.zTest.pValue < 0.05 ? t("significant") : t("notSignificant")}
              </>
            ) : (
              t("zTestNone")
            )}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-stone-500">{t("method")}</p>
    </div>
  );
}
