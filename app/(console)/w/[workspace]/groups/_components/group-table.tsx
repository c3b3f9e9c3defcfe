"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { GROUP_STAGES } from "@/lib/groups/schema";
import { bulkStageAction } from "../actions";

type Row = {
  id: string;
  name: string;
  type: string;
  stage: (typeof GROUP_STAGES)[number];
  planName: string | null;
  ownerName: string | null;
  memberCount: number;
  capacity: number;
  plannedEnd: string | null;
};

export function GroupTable({ workspaceId, rows, canEdit }: { workspaceId: string; rows: Row[]; canEdit: boolean }) {
  const t = useTranslations("groups");
  const [selected, setSelected] = useState<string[]>([]);
  const bulk = useActionForm(bulkStageAction.bind(null, workspaceId));
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  return (
    <div className="space-y-3">
      {canEdit && selected.length > 0 ? (
        <form
          onSubmit={(e) => {
            bulk.onSubmit(e); // reads the selected ids before the selection clears
            setSelected([]);
          }}
          className="flex flex-wrap items-center gap-2 rounded-md bg-emerald-50 p-2 text-sm">
          {selected.map((id) => (
            <input key={id} type="hidden" name="groupIds" value={id} />
          ))}
          <label htmlFor="bulk-stage">{t("bulkStage", { count: selected.length })}</label>
          <select id="bulk-stage" name="stage" defaultValue="active" className="rounded-md border border-stone-300 bg-white px-2 py-1">
            {GROUP_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
          <Button type="submit" pending={bulk.pending} className="min-h-8 px-3 py-1">
            {t("applyStage")}
          </Button>
        </form>
      ) : null}
      <FormMessage error={bulk.state && !bulk.state.ok ? bulk.formError : undefined} success={bulk.state?.ok ? t("bulkDone", { count: bulk.state.data.count }) : undefined} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-stone-500">
            <tr>
              {canEdit ? (
                <th className="w-8 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("selectAll")}
                    checked={selected.length === rows.length}
                    onChange={(e) => setSelected(e.target.checked ? rows.map((r) => r.id) : [])}
                  />
                </th>
              ) : null}
              <th className="py-2 pr-3 font-medium">{t("col.name")}</th>
              <th className="py-2 pr-3 font-medium">{t("col.type")}</th>
              <th className="py-2 pr-3 font-medium">{t("col.stage")}</th>
              <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("col.plan")}</th>
              <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("col.owner")}</th>
              <th className="py-2 pr-3 font-medium">{t("col.members")}</th>
              <th className="hidden py-2 font-medium lg:table-cell">{t("col.end")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-stone-100">
                {canEdit ? (
                  <td className="py-2">
                    <input type="checkbox" aria-label={t("select", { name: r.name })} checked={selected.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  </td>
                ) : null}
                <td className="py-2 pr-3">
                  <Link href={`/w/${workspaceId}/groups/${r.id}`} className="font-medium text-emerald-800 hover:underline">
                    {r.name}
                  </Link>
                </td>
                <td className="py-2 pr-3">{r.type || "—"}</td>
                <td className="py-2 pr-3">
                  <Badge tone={r.stage === "active" ? "emerald" : r.stage === "declining" ? "amber" : "stone"}>{t(`stages.${r.stage}`)}</Badge>
                </td>
                <td className="hidden py-2 pr-3 md:table-cell">{r.planName ?? "—"}</td>
                <td className="hidden py-2 pr-3 md:table-cell">{r.ownerName ?? "—"}</td>
                <td className="py-2 pr-3">
                  <span title={t("fill", { count: r.memberCount, capacity: r.capacity })}>{t("fill", { count: r.memberCount, capacity: r.capacity })}</span>
                  <div className="mt-1 h-1.5 w-20 rounded bg-stone-200" aria-hidden>
                    <div className="h-1.5 rounded bg-emerald-600" style={{ width: `${Math.min(100, (r.memberCount / r.capacity) * 100)}%` }} />
                  </div>
                </td>
                <td className="hidden py-2 lg:table-cell">{r.plannedEnd ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
