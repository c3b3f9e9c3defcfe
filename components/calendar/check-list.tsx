"use client";

import { useTranslations } from "next-intl";
import type { CheckWarning } from "@/lib/calendar/check-types";

const KIND_ORDER: CheckWarning["kind"][] = ["daily_hard_limit", "daily_limit", "mix_activity_low", "mix_activity_high", "mix_product_high", "quiet_hours", "wecom_quota"];

/**
 * The calendar checks' findings in words, grouped by kind, each kind with why it matters. Long
 * lists (a month of fifty groups) show the first few per kind and a count of the rest.
 */
export function CheckList({
  warnings,
  groupNames,
  perKind = 5,
  counts,
  id,
}: {
  warnings: CheckWarning[];
  groupNames: Record<string, string>;
  perKind?: number;
  /** Totals per kind when `warnings` was cut down on the server (see `trimWarnings`). */
  counts?: Partial<Record<CheckWarning["kind"], number>>;
  id?: string;
}) {
  const t = useTranslations("calendarChecks");
  if (!warnings.length) return null;
  const byKind = KIND_ORDER.map((kind) => ({ kind, items: warnings.filter((w) => w.kind === kind) })).filter((k) => k.items.length);
  return (
    <div id={id} className="space-y-3" aria-live="polite">
      {warnings.some((w) => w.severity === "error") ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t("errorsBlock")}</p>
      ) : null}
      <ul className="space-y-3">
        {byKind.map(({ kind, items }) => {
          const error = items[0]?.severity === "error";
          const total = counts?.[kind] ?? items.length;
          return (
            <li key={kind} className={`rounded-md border px-3 py-2 text-sm ${error ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50"}`}>
              <p className={`font-medium ${error ? "text-red-900" : "text-amber-900"}`}>
                {t(`kinds.${kind}.title`)} <span className="font-normal">({total})</span>
              </p>
              <p className="mt-0.5 text-xs text-stone-700">{t(`kinds.${kind}.why`)}</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-stone-800">
                {items.slice(0, perKind).map((w) => (
                  <li key={`${w.groupId}-${w.period}`}>
                    {t(`kinds.${kind}.item`, { group: groupNames[w.groupId] ?? "—", period: w.period ?? "", value: w.value, limit: w.limit })}
                  </li>
                ))}
              </ul>
              {total > perKind ? <p className="mt-1 text-xs text-stone-600">{t("andMore", { count: total - Math.min(perKind, items.length) })}</p> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

