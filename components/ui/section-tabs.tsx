"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export type SectionTab = { key: string; path: string };

/**
 * An area's sections as tabs, each its own page under `base` (the first tab's path is ""). The
 * longest matching path is the current one; labels come from `namespace`, the nav's name from
 * its "label" key.
 */
export function SectionTabs({ base, tabs, namespace }: { base: string; tabs: readonly SectionTab[]; namespace: string }) {
  const t = useTranslations(namespace);
  const pathname = usePathname();
  const active = [...tabs].reverse().find((tab) => (tab.path ? pathname.startsWith(base + tab.path) : pathname === base)) ?? tabs[0];
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-stone-200 print:hidden">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={base + tab.path}
          aria-current={tab.key === active?.key ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${tab.key === active?.key ? "border-stone-200 border-b-white bg-white font-medium text-emerald-800" : "border-transparent text-stone-600"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
