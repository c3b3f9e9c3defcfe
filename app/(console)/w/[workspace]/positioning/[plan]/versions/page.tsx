import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getPlanContext } from "@/lib/positioning/context";
import { diffAnswers } from "@/lib/positioning/diff";
import { fieldLabel, formatValue, type Translate } from "@/lib/positioning/format";
import { getVersion, listVersions } from "@/lib/positioning/queries";
import { RestoreButton } from "./restore-button";

export const metadata: Metadata = { title: "版本 Versions" };

type Props = { params: Promise<{ workspace: string; plan: string }>; searchParams: Promise<{ a?: string; b?: string; all?: string }> };

export default async function VersionsPage({ params, searchParams }: Props) {
  const { workspace, plan: planId } = await params;
  const ctx = await getPlanContext(workspace, planId);
  const db = getDb();
  const key = { workspaceId: ctx.workspace.id, planId: ctx.plan.id };
  const [versions, t, format, query] = await Promise.all([listVersions(db, key), getTranslations(), getFormatter(), searchParams]);
  const tr = t as unknown as Translate;
  const latest = ctx.plan.version;
  const pick = (v: string | undefined, fallback: number) => (Number.isInteger(Number(v)) && Number(v) >= 1 ? Number(v) : fallback);
  const [va, vb] = [pick(query.a, Math.max(1, latest - 1)), pick(query.b, latest)];
  const [a, b] = await Promise.all([getVersion(db, { ...key, version: va }), getVersion(db, { ...key, version: vb })]);
  const showAll = query.all === "1";
  const rows = a && b ? diffAnswers(a.answers, b.answers) : [];
  if (a && b && a.name !== b.name) rows.unshift({ path: "name", a: a.name, b: b.name, changed: true });
  const shown = showAll ? rows : rows.filter((r) => r.changed);
  const base = `/w/${ctx.workspace.id}/positioning/${ctx.plan.id}/versions`;
  const canRestore = hasRole(ctx.role, "operator") && !ctx.plan.archivedAt;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.workspace.timeZone });
  const label = (path: string) => (path === "name" ? t("positioning.fields.name") : fieldLabel(path.replace(/^products\..*/, "products"), tr));
  const show = (path: string, v: unknown) => (path === "name" ? String(v) : formatValue(path, v, tr, ctx.customTypes)) || "—";

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/w/${ctx.workspace.id}/positioning/${ctx.plan.id}`} className="text-sm text-emerald-700 underline">
        ← {ctx.plan.name}
      </Link>
      <PageHeader title={t("positioning.versionsTitle")} lead={t("positioning.compareLead")} />
      <Card>
        <form className="flex flex-wrap items-end gap-3" action={base}>
          {(["a", "b"] as const).map((side) => (
            <label key={side} className="text-sm">
              {t(side === "a" ? "positioning.versionA" : "positioning.versionB")}
              <select name={side} defaultValue={side === "a" ? va : vb} className="mt-1 block rounded-md border border-stone-300 px-2 py-1.5">
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t("positioning.version", { version: v.version })} · {v.authorName ?? "—"} · {when(v.createdAt)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {showAll ? <input type="hidden" name="all" value="1" /> : null}
          <button type="submit" className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white">
            {t("positioning.compare")}
          </button>
          <Link className="text-sm text-emerald-700 underline" href={`${base}?a=${va}&b=${vb}${showAll ? "" : "&all=1"}`}>
            {showAll ? t("positioning.onlyChanged") : t("positioning.showAll")}
          </Link>
        </form>
        <div className="mt-4 overflow-x-auto">
          {shown.length === 0 ? (
            <p className="text-sm text-stone-600">{t("positioning.noChanges")}</p>
          ) : (
            <table className="w-full table-fixed text-left text-sm">
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="w-1/5 py-2 pr-3 font-medium">{t("positioning.colField")}</th>
                  <th className="py-2 pr-3 font-medium">{t("positioning.version", { version: va })}</th>
                  <th className="py-2 font-medium">{t("positioning.version", { version: vb })}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.path} className={`border-t border-stone-100 align-top ${r.changed ? "bg-amber-50" : ""}`} data-changed={r.changed || undefined}>
                    <th scope="row" className="py-2 pr-3 font-medium text-stone-700">
                      {label(r.path)}
                    </th>
                    <td className={`whitespace-pre-line py-2 pr-3 ${r.changed ? "text-red-800 line-through decoration-red-300" : ""}`}>{show(r.path, r.a)}</td>
                    <td className={`whitespace-pre-line py-2 ${r.changed ? "font-medium text-emerald-900" : ""}`}>{show(r.path, r.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Card>
      <Card title={t("positioning.versions")}>
        <ul className="divide-y divide-stone-100 text-sm">
          {versions.map((v) => (
            <li key={v.version} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{t("positioning.version", { version: v.version })}</span> · {v.authorName ?? "—"} · {when(v.createdAt)}
                {v.restoredFrom ? <span className="text-stone-500"> · {t("positioning.restoredFrom", { version: v.restoredFrom })}</span> : null}
              </span>
              {canRestore && v.version !== latest ? <RestoreButton workspaceId={ctx.workspace.id} planId={ctx.plan.id} version={v.version} /> : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
