"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The data area's sections; each tab is its own page under /dashboards. */
export const DASHBOARD_TABS = [
  { key: "overview", path: "" },
  { key: "funnel", path: "/funnel" },
  { key: "posts", path: "/posts" },
  { key: "groups", path: "/groups" },
  { key: "experiments", path: "/experiments" },
  { key: "roi", path: "/roi" },
  { key: "orders", path: "/orders" },
  { key: "setup", path: "/setup" },
] as const;

export function DashboardTabs({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("dashboardsNav");
  const pathname = usePathname();
  const base = `/w/${workspaceId}/dashboards`;
  const active = [...DASHBOARD_TABS].reverse().find((tab) => (tab.path ? pathname.startsWith(base + tab.path) : pathname === base)) ?? DASHBOARD_TABS[0];
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-stone-200 print:hidden">
      {DASHBOARD_TABS.map((tab) => (
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
