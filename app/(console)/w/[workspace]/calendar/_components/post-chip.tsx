"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { CATEGORY_COLORS, STATUS_MARKS } from "@/components/calendar/category-colors";
import { MOVABLE, type Chip } from "./types";

export function PostChip({
  chip,
  groupName,
  href,
  canEdit,
  flagged,
  onMove,
  compact,
}: {
  chip: Chip;
  groupName: string;
  href: string;
  canEdit: boolean;
  flagged: boolean;
  onMove: (chip: Chip) => void;
  compact?: boolean;
}) {
  const t = useTranslations("calendar");
  const tcat = useTranslations("contentCategories");
  const movable = canEdit && MOVABLE(chip);
  const title = chip.title || t("untitled");
  const statusKey = chip.late && chip.status !== "cancelled" ? "late" : chip.status;
  const label = `${chip.time} ${groupName} ${title} · ${tcat(`${chip.category}`)} · ${t(`statuses.${chip.status}`)}${chip.late ? ` · ${t("statuses.late")}` : ""}`;
  return (
    <div
      data-post-id={chip.id}
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData("application/x-qunyun-post", JSON.stringify({ id: chip.id }));
        e.dataTransfer.setData("text/plain", chip.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      className={`group flex items-start gap-1 rounded border-l-4 px-1.5 py-1 text-xs ${CATEGORY_COLORS[chip.category].chip} ${movable ? "cursor-grab" : ""} ${chip.status === "cancelled" ? "opacity-60" : ""}`}
    >
      <Link href={href} aria-label={label} className="min-w-0 flex-1 focus-visible:outline-2 focus-visible:outline-emerald-700">
        <span className="font-medium tabular-nums text-stone-900">{chip.time}</span>{" "}
        <span className="text-stone-600">{groupName}</span>
        <span className={`block truncate ${CATEGORY_COLORS[chip.category].text} ${chip.status === "cancelled" ? "line-through" : ""}`}>{title}</span>
        {statusKey !== "scheduled" || flagged ? (
          <span className="mt-0.5 flex flex-wrap gap-1">
            {statusKey !== "scheduled" ? <span className={`rounded px-1 text-[10px] ${STATUS_MARKS[statusKey]}`}>{t(`statuses.${statusKey}`)}</span> : null}
            {flagged ? (
              <span className="rounded bg-amber-200 px-1 text-[10px] text-amber-900" title={t("checksTitle")}>
                !
              </span>
            ) : null}
          </span>
        ) : null}
      </Link>
      {movable && !compact ? (
        <button
          type="button"
          onClick={() => onMove(chip)}
          aria-label={t("moveLabel", { title: `${chip.time} ${groupName} ${title}` })}
          className="shrink-0 rounded px-1 text-[10px] text-stone-600 underline hover:bg-white focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          {t("move")}
        </button>
      ) : null}
    </div>
  );
}
