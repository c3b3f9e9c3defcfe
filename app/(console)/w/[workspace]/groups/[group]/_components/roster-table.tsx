"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { MEMBER_ROLES } from "@/lib/groups/schema";
import { changeRosterRoleAction, removeFromRosterAction } from "../../actions";

type Row = {
  membershipId: string;
  memberId: string;
  nickname: string;
  remark: string;
  phone: string | null;
  role: (typeof MEMBER_ROLES)[number];
  isStaff: boolean;
  joinedAt: string;
  joinSource: string | null;
  leftAt: string | null;
  activityScore: number;
  tags: string[];
};

function RoleCell({ workspaceId, groupId, row, canEdit }: { workspaceId: string; groupId: string; row: Row; canEdit: boolean }) {
  const t = useTranslations("groups");
  const tc = useTranslations("common");
  const form = useActionForm(changeRosterRoleAction.bind(null, workspaceId));
  if (!canEdit || row.leftAt) return <>{t(`roles.${row.role}`)}</>;
  return (
    <form onSubmit={form.onSubmit} className="flex items-center gap-1">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="membershipId" value={row.membershipId} />
      <label className="sr-only" htmlFor={`role-${row.membershipId}`}>
        {t("roleFor", { name: row.nickname })}
      </label>
      <select id={`role-${row.membershipId}`} name="role" defaultValue={row.role} className="rounded-md border border-stone-300 px-1.5 py-1 text-sm">
        {MEMBER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" pending={form.pending} className="min-h-8 px-2 py-1">
        {t("changeRole")}
      </Button>
      {form.state && !form.state.ok ? <FormMessage error={form.formError} /> : null}
      {form.state?.ok ? (
        <span role="status" className="text-xs text-emerald-700">
          {tc("saved")}
        </span>
      ) : null}
    </form>
  );
}

export function RosterTable({ workspaceId, groupId, rows, canEdit }: { workspaceId: string; groupId: string; rows: Row[]; canEdit: boolean }) {
  const t = useTranslations("groups");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-stone-500">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("rcol.member")}</th>
            <th className="py-2 pr-3 font-medium">{t("rcol.role")}</th>
            <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("rcol.joined")}</th>
            <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("rcol.source")}</th>
            <th className="hidden py-2 pr-3 font-medium lg:table-cell">{t("rcol.tags")}</th>
            <th className="py-2 pr-3 font-medium">{t("rcol.score")}</th>
            {canEdit ? <th className="py-2 font-medium"><span className="sr-only">{t("remove")}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.membershipId} className="border-t border-stone-100 align-top">
              <td className="py-2 pr-3">
                <a href={`/w/${workspaceId}/members/${r.memberId}`} className="font-medium text-emerald-800 hover:underline">
                  {r.nickname || r.phone || "—"}
                </a>
                {r.isStaff ? <Badge>{t("staff")}</Badge> : null}
                {r.remark ? <div className="text-xs text-stone-500">{r.remark}</div> : null}
                {r.leftAt ? <div className="text-xs text-amber-700">{t("rcol.left")} {r.leftAt}</div> : null}
              </td>
              <td className="py-2 pr-3">
                <RoleCell workspaceId={workspaceId} groupId={groupId} row={r} canEdit={canEdit} />
              </td>
              <td className="hidden py-2 pr-3 md:table-cell">{r.joinedAt}</td>
              <td className="hidden py-2 pr-3 md:table-cell">{r.joinSource ?? "—"}</td>
              <td className="hidden py-2 pr-3 lg:table-cell">{r.tags.join("、") || "—"}</td>
              <td className="py-2 pr-3">{Math.round(r.activityScore)}</td>
              {canEdit ? (
                <td className="py-2">
                  {r.leftAt ? null : (
                    <ActionButton
                      action={removeFromRosterAction.bind(null, workspaceId)}
                      fields={{ groupId, membershipId: r.membershipId }}
                      label={t("remove")}
                      variant="danger"
                      confirm={t("removeConfirm", { name: r.nickname || r.phone || "" })}
                    />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
