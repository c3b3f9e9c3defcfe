import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getPlanContext } from "@/lib/positioning/context";
import { completeness } from "@/lib/positioning/checks";
import type { Translate } from "@/lib/positioning/format";
import { assembleStatement } from "@/lib/positioning/schema";
import { planSections } from "@/lib/positioning/sections";
import { PrintButton } from "@/components/ui/print-button";

export const metadata: Metadata = { title: "打印 Print" };

/** One A4 page: the statement first, then every sheet as a compact two-column list. */
export default async function PrintPage({ params }: { params: Promise<{ workspace: string; plan: string }> }) {
  const { workspace, plan: planId } = await params;
  const ctx = await getPlanContext(workspace, planId);
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const a = ctx.plan.answers;
  const sections = planSections(a, t as unknown as Translate, ctx.customTypes);
  return (
    <article className="plan-print mx-auto max-w-[210mm] bg-white p-6 text-[13px] leading-snug text-stone-900 shadow-sm print:max-w-none print:p-0 print:text-[8.5pt] print:shadow-none">
      <div className="mb-4 flex items-center justify-between print:hidden">
        <PrintButton label={t("positioning.printButton")} />
      </div>
      <header className="border-b border-stone-300 pb-2">
        <p className="text-xs text-stone-500">
          {ctx.workspace.name} · {t("positioning.printTitle")} · {t("positioning.version", { version: ctx.plan.version })} ·{" "}
          {t("positioning.completeness", { value: completeness(a) })}
        </p>
        <h1 className="text-xl font-semibold print:text-[14pt]">{ctx.plan.name}</h1>
        <p className="mt-1 text-base text-emerald-900 print:text-[11pt]">{a.statement.text || assembleStatement(a.statement)}</p>
      </header>
      <div className="mt-3 columns-1 gap-6 sm:columns-2 print:columns-2">
        {sections.map((s) => (
          <section key={s.sheet} className="mb-3 break-inside-avoid">
            <h2 className="mb-1 border-b border-stone-200 text-sm font-semibold print:text-[9.5pt]">{s.title}</h2>
            <dl className="grid grid-cols-[8em_1fr] gap-x-2 gap-y-0.5">
              {s.rows.map((r) => (
                <div key={r.label} className="contents">
                  <dt className="text-stone-500">{r.label}</dt>
                  <dd className="whitespace-pre-line">{r.value || "—"}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <footer className="mt-2 text-[10px] text-stone-400">
        {t("positioning.printedAt", { when: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone }) })}
      </footer>
    </article>
  );
}
