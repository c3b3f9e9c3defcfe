import { getFormatter, getTranslations } from "next-intl/server";

type Entry = { id: string; action: string; createdAt: Date; actorName: string | null; data: Record<string, unknown> };

export async function AuditList({ entries, timeZone }: { entries: Entry[]; timeZone: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  // next-intl keys cannot hold dots, so "invite.create" is looked up as "audit.invite_create".
  const auditLabel = (action: string) => {
    const key = `audit.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };
  if (entries.length === 0) return <p className="text-sm text-stone-500">{t("settings.auditEmpty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-stone-500">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("settings.auditWhen")}</th>
            <th className="py-2 pr-3 font-medium">{t("settings.auditWho")}</th>
            <th className="py-2 font-medium">{t("settings.auditWhat")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-stone-100">
              <td className="whitespace-nowrap py-2 pr-3 text-stone-600">{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "short", timeZone })}</td>
              <td className="py-2 pr-3">{e.actorName ?? t("settings.system")}</td>
              <td className="py-2">
                {auditLabel(e.action)}
                {typeof e.data.email === "string" ? <span className="text-stone-500"> · {e.data.email}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
