"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { ROLES } from "@/lib/auth/roles";
import { changeRoleAction, removeMemberAction } from "../actions";

type Member = { userId: string; name: string; email: string; role: (typeof ROLES)[number]; joinedAt: string };

function MemberRow({ workspaceId, member, isSelf, canManage }: { workspaceId: string; member: Member; isSelf: boolean; canManage: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const roleForm = useActionForm(changeRoleAction.bind(null, workspaceId));
  const error = roleForm.formError;
  return (
    <tr className="border-t border-stone-100 align-top">
      <td className="py-2 pr-3">
        {member.name} {isSelf ? <span className="text-stone-500">{t("settings.you")}</span> : null}
        <div className="text-xs text-stone-500 sm:hidden">{member.email}</div>
      </td>
      <td className="hidden py-2 pr-3 text-stone-600 sm:table-cell">{member.email}</td>
      <td className="py-2 pr-3">
        {canManage ? (
          <form onSubmit={roleForm.onSubmit} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="userId" value={member.userId} />
            <label className="sr-only" htmlFor={`role-${member.userId}`}>
              {t("settings.roleFor", { name: member.name })}
            </label>
            <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className="rounded-md border border-stone-300 px-2 py-1 text-sm">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" pending={roleForm.pending} className="min-h-8 px-2 py-1">
              {t("settings.changeRole")}
            </Button>
          </form>
        ) : (
          t(`roles.${member.role}`)
        )}
        {error ? <div className="mt-2"><FormMessage error={error} /></div> : null}
      </td>
      <td className="hidden py-2 pr-3 text-stone-600 md:table-cell">{format.dateTime(new Date(member.joinedAt), { dateStyle: "medium" })}</td>
      {canManage ? (
        <td className="py-2">
          <ActionButton
            action={removeMemberAction.bind(null, workspaceId)}
            fields={{ userId: member.userId }}
            label={t("settings.remove")}
            variant="danger"
            confirm={t("settings.removeConfirm", { name: member.name })}
          />
        </td>
      ) : null}
    </tr>
  );
}

export function MembersTable(props: { workspaceId: string; members: Member[]; currentUserId: string; canManage: boolean }) {
  const t = useTranslations("settings");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-stone-500">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("memberName")}</th>
            <th className="hidden py-2 pr-3 font-medium sm:table-cell">{t("memberEmail")}</th>
            <th className="py-2 pr-3 font-medium">{t("memberRole")}</th>
            <th className="hidden py-2 pr-3 font-medium md:table-cell">{t("memberJoined")}</th>
            {props.canManage ? <th className="py-2 font-medium"><span className="sr-only">{t("remove")}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {props.members.map((m) => (
            <MemberRow key={m.userId} workspaceId={props.workspaceId} member={m} isSelf={m.userId === props.currentUserId} canManage={props.canManage} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
