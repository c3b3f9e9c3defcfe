"use client";

import { useTranslations } from "next-intl";
import { CheckList } from "@/components/calendar/check-list";
import { CATEGORY_STYLES } from "@/components/content/category";
import type { ContentCategory } from "@/db/schema";
import type { CheckWarning } from "@/lib/calendar/check-types";

export type PreviewGroup = { groupId: string; name: string; count: number; days: { day: string; items: { time: string; title: string; category: string }[] }[] };
export type PreviewData = {
  groups: PreviewGroup[];
  total: number;
  skippedPast: number;
  skippedDuplicate: number;
  skippedNonexistent: { day: string; time: string }[];
};

/**
 * What applying a template will create: per group the count and its first days, the total, what
 * is skipped and why, and the calendar checks' warnings (passed in by the page).
 */
export function RunPreview({ data, warnings = [], groupNames = {} }: { data: PreviewData; warnings?: CheckWarning[]; groupNames?: Record<string, string> }) {
  const t = useTranslations("sopApply");
  return (
    <div className="space-y-4" aria-live="polite">
      <p className="text-base font-medium text-stone-900" data-testid="sop-preview-total">
        {t("total", { count: data.total, groups: data.groups.length })}
      </p>
      {data.skippedPast || data.skippedDuplicate || data.skippedNonexistent.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-600">
          {data.skippedPast ? <li>{t("skippedPast", { count: data.skippedPast })}</li> : null}
          {data.skippedDuplicate ? <li>{t("skippedDuplicate", { count: data.skippedDuplicate })}</li> : null}
          {data.skippedNonexistent.map((s) => (
            <li key={`${s.day} ${s.time}`}>{t("skippedNonexistent", { day: s.day, time: s.time })}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length ? (
        <section aria-label={t("warningsTitle")}>
          <h3 className="mb-2 text-sm font-semibold text-stone-900">{t("warningsTitle")}</h3>
          <CheckList warnings={warnings} groupNames={groupNames} />
        </section>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        {data.groups.map((g) => (
          <section key={g.groupId} className="rounded-md border border-stone-200 p-3" aria-label={g.name}>
            <h3 className="flex items-baseline justify-between gap-2 text-sm font-semibold">
              <span>{g.name}</span>
              <span className="text-stone-600">{t("groupCount", { count: g.count })}</span>
            </h3>
            <ol className="mt-2 space-y-2 text-sm">
              {g.days.map((d) => (
                <li key={d.day}>
                  <span className="text-xs font-medium text-stone-500">{d.day}</span>
                  <ul className="mt-0.5 space-y-0.5">
                    {d.items.map((p, i) => (
                      <li key={i} className="flex items-center gap-2">
                        <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${CATEGORY_STYLES[p.category as ContentCategory]?.dot ?? "bg-stone-400"}`} aria-hidden />
                        <span className="tabular-nums text-stone-600">{p.time}</span>
                        <span className="truncate">{p.title}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
              {g.count > g.days.reduce((n, d) => n + d.items.length, 0) ? <li className="text-xs text-stone-500">{t("more")}</li> : null}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
