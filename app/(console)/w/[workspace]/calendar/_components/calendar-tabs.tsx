"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The calendar area's sections; each tab is its own page under /calendar. */
export const CALENDAR_TABS = [
  { key: "calendar", path: "" },
  { key: "today", path: "/today" },
  { key: "content", path: "/content" },
  { key: "columns", path: "/columns" },
  { key: "templates", path: "/templates" },
] as const;

export function CalendarTabs({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("calendarNav");
  const pathname = usePathname();
  const base = `/w/${workspaceId}/calendar`;
  const active = [...CALENDAR_TABS].reverse().find((tab) => (tab.path ? pathname.startsWith(base + tab.path) : pathname === base)) ?? CALENDAR_TABS[0];
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-stone-200 print:hidden">
      {CALENDAR_TABS.map((tab) => (
        <Link
          key={tab.key}
          href={base + tab.path}
          aria-current={tab.key === active.key ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${tab.key === active.key ? "border-stone-200 border-b-white bg-white font-medium text-emerald-800" : "border-transparent text-stone-600"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
