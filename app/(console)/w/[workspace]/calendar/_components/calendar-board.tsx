"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, useTransition, type DragEvent } from "react";
import { CheckList } from "@/components/calendar/check-list";
import { CATEGORY_COLORS } from "@/components/calendar/category-colors";
import type { ActionResult } from "@/lib/action-result";
import type { CheckWarning } from "@/lib/calendar/check-types";
import { movePostAction } from "../actions";
import { MoveDialog } from "./move-dialog";
import { PostChip } from "./post-chip";
import type { Chip, DayCell, DayIssues } from "./types";

type Props = {
  workspaceId: string;
  view: "week" | "month" | "day";
  days: string[];
  /** week and day views */
  chips?: Chip[];
  /** month view */
  cells?: Record<string, DayCell>;
  currentMonth: string;
  today: string;
  groupNames: Record<string, string>;
  canEdit: boolean;
  dayIssues: DayIssues;
  flagged: string[];
  dayHrefs: Record<string, string>;
};

type Notice = { kind: "ok"; text: string; warnings: CheckWarning[] } | { kind: "error"; text: string; warnings: CheckWarning[] };
const pad = (n: number) => String(n).padStart(2, "0");

/** Week, day and month grids with drag and drop; each move goes through the same action as the dialog. */
export function CalendarBoard(p: Props) {
  const t = useTranslations("calendar");
  const tr = useTranslations();
  const router = useRouter();
  const [, startTransition] = useTransition();
  // Optimistic positions of moved chips, for the data they were made on: fresh data from the
  // server (after the refresh) replaces them.
  type Overrides = Record<string, { day: string; time: string }>;
  const source = p.chips ?? p.cells;
  const [optimistic, setOptimistic] = useState<{ source: unknown; map: Overrides }>({ source, map: {} });
  const overrides = optimistic.source === source ? optimistic.map : {};
  const setOverrides = (f: (o: Overrides) => Overrides) => setOptimistic((cur) => ({ source, map: f(cur.source === source ? cur.map : {}) }));
  const [moving, setMoving] = useState<Chip | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const flagged = useMemo(() => new Set(p.flagged), [p.flagged]);
  const allChips = useMemo(() => [...(p.chips ?? []), ...Object.values(p.cells ?? {}).flatMap((c) => c.first)], [p.chips, p.cells]);
  const chipOf = (id: string) => allChips.find((c) => c.id === id);
  const placed = (c: Chip): Chip => ({ ...c, ...overrides[c.id] });

  async function move(input: { postId: string; version: number; day: string; time: string; confirm: boolean }): Promise<ActionResult<{ warnings: CheckWarning[] }>> {
    const chip = chipOf(input.postId);
    setOverrides((o) => ({ ...o, [input.postId]: { day: input.day, time: input.time } }));
    const r = await movePostAction(p.workspaceId, null, { ...input, version: String(input.version), confirm: input.confirm ? "1" : "0" });
    if (r.ok) {
      setNotice({ kind: "ok", text: t("moved", { day: input.day, time: input.time }), warnings: r.data.warnings });
      startTransition(() => router.refresh());
    } else {
      setOverrides((o) => {
        const next = { ...o };
        delete next[input.postId];
        return next;
      });
      if (chip && !input.confirm) return r;
      setNotice({ kind: "error", text: t("moveFailed", { error: tr(r.error) }), warnings: ((r.details as { warnings?: CheckWarning[] }) ?? {}).warnings ?? [] });
    }
    return r;
  }

  const onDrop = (day: string, hour: number | null) => (e: DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const raw = e.dataTransfer.getData("application/x-qunyun-post");
    if (!raw) return;
    const chip = chipOf((JSON.parse(raw) as { id: string }).id);
    if (!chip) return;
    const current = placed(chip);
    // A month cell keeps the time of day; an hour slot keeps the minutes.
    const time = hour === null ? current.time : `${pad(hour)}:${current.time.slice(3)}`;
    if (current.day === day && current.time === time) return;
    // A drag confirms the warnings up front; they are shown right after the move.
    void move({ postId: chip.id, version: chip.version, day, time, confirm: true });
  };
  const dropProps = (key: string, day: string, hour: number | null) =>
    p.canEdit
      ? {
          onDragOver: (e: DragEvent) => {
            if (!e.dataTransfer.types.includes("application/x-qunyun-post")) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            if (dropTarget !== key) setDropTarget(key);
          },
          onDragLeave: () => setDropTarget((k) => (k === key ? null : k)),
          onDrop: onDrop(day, hour),
          "data-drop": key,
        }
      : {};

  const chipEl = (c: Chip) => (
    <PostChip
      key={c.id}
      chip={c}
      groupName={p.groupNames[c.groupId] ?? "—"}
      href={`/w/${p.workspaceId}/calendar/posts/${c.id}`}
      canEdit={p.canEdit}
      flagged={flagged.has(c.id)}
      onMove={setMoving}
    />
  );
  const issues = (day: string) => {
    const i = p.dayIssues[day];
    if (!i) return null;
    return (
      <span className={`rounded px-1 text-[10px] font-medium ${i.errors ? "bg-red-600 text-white" : "bg-amber-200 text-amber-900"}`}>{t("dayIssues", { count: i.errors + i.warnings })}</span>
    );
  };

  return (
    <div className="space-y-3">
      {notice ? (
        <div role="status" className={`space-y-2 rounded-md border px-3 py-2 text-sm ${notice.kind === "ok" ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          <p>{notice.text}</p>
          <CheckList warnings={notice.warnings} groupNames={p.groupNames} perKind={3} />
        </div>
      ) : null}
      {p.view === "month" ? (
        <MonthGrid {...p} dropProps={dropProps} dropTarget={dropTarget} chipEl={chipEl} issues={issues} placed={placed} overrides={overrides} />
      ) : (
        <HourGrid {...p} dropProps={dropProps} dropTarget={dropTarget} chipEl={chipEl} issues={issues} placed={placed} />
      )}
      {moving ? (
        <MoveDialog chip={placed(moving)} groupName={p.groupNames[moving.groupId] ?? "—"} groupNames={p.groupNames} move={move} onClose={() => setMoving(null)} />
      ) : null}
    </div>
  );
}

type GridProps = Props & {
  dropProps: (key: string, day: string, hour: number | null) => object;
  dropTarget: string | null;
  chipEl: (c: Chip) => React.ReactNode;
  issues: (day: string) => React.ReactNode;
  placed: (c: Chip) => Chip;
};

function dayLabel(day: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { weekday: "short", month: "numeric", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

function HourGrid(p: GridProps) {
  const t = useTranslations("calendar");
  const chips = (p.chips ?? []).map(p.placed);
  const hours = chips.map((c) => Number(c.time.slice(0, 2)));
  const first = Math.min(7, ...hours);
  const last = Math.max(22, ...hours);
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const at = new Map<string, Chip[]>();
  for (const c of chips) {
    const key = `${c.day}|${Number(c.time.slice(0, 2))}`;
    at.set(key, [...(at.get(key) ?? []), c]);
  }
  const locale = useLocale();
  const cols = p.days.length;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <div role="grid" aria-label={t(`views.${p.view}`)} className="grid" style={{ gridTemplateColumns: `3.5rem repeat(${cols}, minmax(${cols > 1 ? "8.5rem" : "16rem"}, 1fr))` }}>
        <div role="row" className="contents">
          <div role="columnheader" className="sticky left-0 border-b border-stone-200 bg-white" />
          {p.days.map((d) => (
            <div role="columnheader" key={d} className={`border-b border-l border-stone-200 px-2 py-1.5 text-xs ${d === p.today ? "bg-emerald-50 font-semibold text-emerald-900" : "text-stone-700"}`}>
              <Link href={p.dayHrefs[d] ?? "#"} className="underline-offset-2 hover:underline">
                {dayLabel(d, locale)}
              </Link>{" "}
              {p.issues(d)}
            </div>
          ))}
        </div>
        {rows.map((h) => (
          <div role="row" key={h} className="contents">
            <div role="rowheader" className="sticky left-0 border-b border-stone-100 bg-white px-1 py-1 text-right text-[11px] tabular-nums text-stone-500">
              {String(h).padStart(2, "0")}:00
            </div>
            {p.days.map((d) => {
              const key = `${d}|${h}`;
              return (
                <div
                  role="gridcell"
                  key={key}
                  aria-label={t("dropHere", { day: d, time: `${String(h).padStart(2, "0")}:00` })}
                  {...p.dropProps(key, d, h)}
                  className={`min-h-9 space-y-1 border-b border-l border-stone-100 p-0.5 ${p.dropTarget === key ? "bg-emerald-100" : ""}`}
                >
                  {(at.get(key) ?? []).map(p.chipEl)}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

function MonthGrid(p: GridProps & { overrides: Record<string, { day: string; time: string }> }) {
  const t = useTranslations("calendar");
  const tcat = useTranslations("contentCategories");
  const locale = useLocale();
  const weekdays = p.days.slice(0, 7).map((d) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)));
  // Chips dragged to another cell show there until the server's answer arrives.
  const moved = Object.values(p.cells ?? {}).flatMap((c) => c.first.filter((x) => p.overrides[x.id]).map(p.placed));
  return (
    <div className="overflow-x-auto">
      <div role="grid" aria-label={t("views.month")} className="grid min-w-[48rem] grid-cols-7 gap-px overflow-hidden rounded-lg border border-stone-200 bg-stone-200">
        <div role="row" className="contents">
          {weekdays.map((w) => (
            <div role="columnheader" key={w} className="bg-stone-50 px-2 py-1 text-xs font-medium text-stone-600">
              {w}
            </div>
          ))}
        </div>
        {Array.from({ length: p.days.length / 7 }, (_, row) => (
          <div role="row" key={row} className="contents">
            {p.days.slice(row * 7, row * 7 + 7).map((d) => {
              const cell = p.cells?.[d];
              const shown = [...(cell?.first ?? []).filter((c) => !p.overrides[c.id]), ...moved.filter((c) => c.day === d)].sort((a, b) => a.time.localeCompare(b.time));
              const rest = (cell?.total ?? 0) - (cell?.first.length ?? 0);
              return (
                <div
                  role="gridcell"
                  key={d}
                  aria-label={d}
                  {...p.dropProps(d, d, null)}
                  className={`min-h-32 space-y-1 p-1.5 ${d.slice(0, 7) === p.currentMonth ? "bg-white" : "bg-stone-50"} ${p.dropTarget === d ? "bg-emerald-100!" : ""}`}
                >
                  <div className="flex items-center justify-between gap-1">
                    <Link href={p.dayHrefs[d] ?? "#"} aria-label={t("openDay", { day: d })} className={`text-xs ${d === p.today ? "rounded bg-emerald-700 px-1 font-semibold text-white" : "text-stone-700"}`}>
                      {Number(d.slice(8))}
                    </Link>
                    {p.issues(d)}
                  </div>
                  {cell && cell.total > 0 ? (
                    <p className="flex flex-wrap gap-x-2 text-[11px] text-stone-700" aria-label={t("dayTotal", { count: cell.total })}>
                      {(["product", "values", "interaction", "activity"] as const).map((k) =>
                        cell.byCategory[k] ? (
                          <span key={k} className="inline-flex items-center gap-0.5" title={tcat(`${k}`)}>
                            <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${CATEGORY_COLORS[k].dot}`} />
                            <span className="sr-only">{tcat(`${k}`)}</span>
                            {cell.byCategory[k]}
                          </span>
                        ) : null,
                      )}
                      {cell.failed ? <span className="text-red-700">{t("statuses.failed")} {cell.failed}</span> : null}
                    </p>
                  ) : null}
                  {shown.map(p.chipEl)}
                  {rest > 0 ? (
                    <Link href={p.dayHrefs[d] ?? "#"} className="block text-[11px] text-emerald-800 underline">
                      {t("more", { count: rest })}
                    </Link>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
