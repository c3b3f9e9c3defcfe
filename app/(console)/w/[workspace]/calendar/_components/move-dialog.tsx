"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { CheckList } from "@/components/calendar/check-list";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action-result";
import type { CheckWarning } from "@/lib/calendar/check-types";
import type { Chip } from "./types";

type Move = (input: { postId: string; version: number; day: string; time: string; confirm: boolean }) => Promise<ActionResult<{ warnings: CheckWarning[] }>>;

/** The keyboard way to reschedule: a date and a time, the checks shown before it is saved. */
export function MoveDialog({ chip, groupName, groupNames, move, onClose }: { chip: Chip; groupName: string; groupNames: Record<string, string>; move: Move; onClose: () => void }) {
  const t = useTranslations("calendar");
  const tr = useTranslations();
  const ref = useRef<HTMLDialogElement>(null);
  const [day, setDay] = useState(chip.day);
  const [time, setTime] = useState(chip.time);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<{ warnings: CheckWarning[] }> | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const submit = async (confirm: boolean) => {
    setPending(true);
    const r = await move({ postId: chip.id, version: chip.version, day, time, confirm });
    setPending(false);
    if (r.ok) onClose();
    else setResult(r);
  };
  const failed = result && !result.ok ? result : null;
  const warnings = (failed?.details as { warnings?: CheckWarning[] } | undefined)?.warnings ?? [];
  const needsConfirm = failed?.error === "errors.calendarChecksConfirm";
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="move-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-black/30">
      <form
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <h2 id="move-title" className="text-base font-semibold text-stone-900">
          {t("dialog.title")}
        </h2>
        <p className="text-sm text-stone-700">
          {groupName} · {chip.title || t("untitled")}
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("dialog.day")} name="day" type="date" required value={day} onChange={(e) => setDay(e.target.value)} error={failed?.fieldErrors?.day?.map((k) => tr(k)).join(" ")} />
          <Field label={t("dialog.time")} name="time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} error={failed?.fieldErrors?.time?.map((k) => tr(k)).join(" ")} />
        </div>
        {failed && !failed.fieldErrors ? <FormMessage error={tr(failed.error)} /> : null}
        <CheckList warnings={warnings} groupNames={groupNames} />
        <div className="flex flex-wrap gap-2">
          {needsConfirm ? (
            <Button type="button" pending={pending} onClick={() => void submit(true)}>
              {t("dialog.confirm")}
            </Button>
          ) : (
            <Button type="submit" pending={pending}>
              {t("dialog.submit")}
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            {t("dialog.close")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
