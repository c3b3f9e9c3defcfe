"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

const AREAS = ["positioning", "groups", "rules", "livecodes", "members", "calendar", "dashboards", "settings"] as const;

type Props = {
  workspaceId: string;
  workspaces: { id: string; name: string }[];
  userName: string;
  roleLabel: string;
  footer: ReactNode;
  /** Unread in-app notifications (due and failed posts), shown on the calendar entry. */
  calendarUnread?: number;
  calendarUnreadLabel?: string;
};

export function Sidebar({ workspaceId, workspaces, userName, roleLabel, footer, calendarUnread = 0, calendarUnreadLabel }: Props) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const current = workspaces.find((w) => w.id === workspaceId);

  return (
    <>
      <div className="flex items-center justify-between border-b border-stone-200 bg-white px-4 py-3 md:hidden print:hidden">
        <span className="font-semibold text-emerald-800">{current?.name}</span>
        <button
          type="button"
          className="rounded-md border border-stone-300 px-3 py-1 text-sm"
          aria-expanded={open}
          aria-controls="sidebar"
          onClick={() => setOpen((v) => !v)}
        >
          {t("menu")}
        </button>
      </div>
      <aside
        id="sidebar"
        className={`${open ? "block" : "hidden"} w-full shrink-0 print:hidden border-r border-stone-200 bg-white md:sticky md:top-0 md:block md:h-screen md:w-60`}
      >
        <div className="flex h-full flex-col gap-4 p-4">
          <p className="hidden text-lg font-semibold text-emerald-800 md:block">群运 Qunyun</p>
          <label className="block text-xs text-stone-500">
            {t("switchWorkspace")}
            <select
              className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900"
              value={workspaceId}
              onChange={(e) => router.push(e.target.value === "new" ? "/new-workspace" : `/w/${e.target.value}`)}
            >
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
              <option value="new">+ {t("newWorkspace")}</option>
            </select>
          </label>
          <nav aria-label={t("main")}>
            <ul className="space-y-1">
              {AREAS.map((area) => {
                const href = `/w/${workspaceId}/${area}`;
                const active = pathname === href || pathname.startsWith(`${href}/`);
                return (
                  <li key={area}>
                    <Link
                      href={href}
                      aria-current={active ? "page" : undefined}
                      onClick={() => setOpen(false)}
                      className={`flex items-center rounded-md px-3 py-2 text-sm ${active ? "bg-emerald-50 font-medium text-emerald-800" : "text-stone-700 hover:bg-stone-100"}`}
                    >
                      {t(area)}
                      {area === "calendar" && calendarUnread > 0 ? (
                        <>
                          <span aria-hidden className="ml-2 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-medium text-white">
                            {calendarUnread > 99 ? "99+" : calendarUnread}
                          </span>
                          <span className="sr-only">{calendarUnreadLabel}</span>
                        </>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="mt-auto space-y-2 border-t border-stone-200 pt-4 text-sm">
            <p className="text-stone-800">
              {userName} <span className="text-xs text-stone-500">· {roleLabel}</span>
            </p>
            {footer}
          </div>
        </div>
      </aside>
    </>
  );
}
