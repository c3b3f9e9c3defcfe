import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Translate } from "@/lib/positioning/format";
import { CATEGORY_ZH, describeTiming, OWNER_ZH } from "@/lib/sop/describe";
import { contentText } from "@/lib/sop/exchange";
import { getTemplateContext } from "@/lib/sop/page-context";
import { communityTypeOptions } from "@/lib/sop/type-options";
import { PrintButton } from "@/components/ui/print-button";

export const metadata: Metadata = { title: "打印 SOP Print SOP" };
export const dynamic = "force-dynamic";

/** The SOP as a sheet to pin on the wall: the same five columns as the export, on A4 landscape. */
export default async function PrintTemplatePage({ params }: { params: Promise<{ workspace: string; template: string }> }) {
  const p = await params;
  const ctx = await getTemplateContext(p.workspace, p.template);
  const { template } = ctx;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const types = await communityTypeOptions(getDb(), ctx.workspace.id, t as unknown as Translate);
  return (
    <article className="sop-print mx-auto max-w-[297mm] bg-white p-6 text-[13px] leading-snug text-stone-900 shadow-sm print:max-w-none print:p-0 print:text-[9pt] print:shadow-none">
      <style>{"@media print { @page { size: A4 landscape; margin: 12mm; } }"}</style>
      <div className="mb-4 flex items-center justify-between print:hidden">
        <PrintButton label={t("sop.printButton")} />
      </div>
      <header className="border-b border-stone-300 pb-2">
        <p className="text-xs text-stone-500">
          {ctx.workspace.name} · {t("sop.printTitle")} · {t("sop.version", { version: template.version })}
          {template.communityType ? ` · ${types.label(template.communityType)}` : ""}
          {template.anchorLabel ? ` · ${t("sop.anchorIs", { anchor: template.anchorLabel })}` : ""}
        </p>
        <h1 className="text-xl font-semibold print:text-[14pt]">{template.name}</h1>
        {template.description ? <p className="mt-1 text-stone-700">{template.description}</p> : null}
      </header>
      <table className="mt-3 w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-stone-400 text-xs">
            {[t("sop.colTime"), t("sop.colContent"), t("sop.colOwner"), t("sop.colNotes"), t("sop.colCategory")].map((h) => (
              <th key={h} className="py-1 pr-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {template.steps.map((s) => (
            <tr key={s.id} className="break-inside-avoid border-b border-stone-200 align-top">
              <td className="whitespace-nowrap py-1 pr-2 font-medium">{describeTiming(s)}</td>
              <td className="py-1 pr-2">
                {s.contentItemId ? null : <div className="font-medium">{s.title}</div>}
                <div className="whitespace-pre-line">{contentText(s)}</div>
              </td>
              <td className="whitespace-nowrap py-1 pr-2">{OWNER_ZH[s.ownerRole]}</td>
              <td className="whitespace-pre-line py-1 pr-2 text-stone-700">{s.notes || "—"}</td>
              <td className="whitespace-nowrap py-1">{CATEGORY_ZH[s.category]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="mt-2 text-[10px] text-stone-400">
        {t("sop.printedAt", { when: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone }) })}
      </footer>
    </article>
  );
}
