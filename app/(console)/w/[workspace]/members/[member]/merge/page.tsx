import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { getMemberContext } from "@/lib/members/context";
import { describeMerge } from "@/lib/members/merge-preview";
import { getMember, listMembers } from "@/lib/members/queries";
import { memberFiltersSchema } from "@/lib/members/schema";
import { MergeButton } from "./merge-button";

export const metadata: Metadata = { title: "合并 Merge" };

type Props = { params: Promise<{ workspace: string; member: string }>; searchParams: Promise<{ q?: string; with?: string }> };

export default async function MergePage({ params, searchParams }: Props) {
  const { workspace, member } = await params;
  const ctx = await getMemberContext(workspace, member);
  if (!hasRole(ctx.role, "operator") || ctx.member.mergedIntoId) notFound();
  const { q, with: other } = await searchParams;
  const t = await getTranslations("members");
  const db = getDb();
  const m = ctx.member;
  const name = (x: { nickname: string; phone: string | null; externalId: string | null }) => x.nickname || x.phone || x.externalId || "—";
  const search = q ?? m.nickname;
  const candidates = search
    ? (await listMembers(db, { workspaceId: ctx.workspace.id, filters: memberFiltersSchema.parse({ q: search }), pageSize: 20 })).rows.filter((r) => r.id !== m.id)
    : [];
  const chosen = isUuid(other) && other !== m.id ? await getMember(db, { workspaceId: ctx.workspace.id, memberId: other }) : null;
  const preview = chosen && !chosen.member.mergedIntoId ? describeMerge(ctx, chosen) : null;
  const base = `/w/${ctx.workspace.id}/members/${m.id}`;

  return (
    <div className="max-w-3xl space-y-6">
      <Link href={base} className="text-sm text-emerald-700 underline">
        ← {name(m)}
      </Link>
      <PageHeader title={t("merge")} lead={t("mergeLead")} />
      <Card>
        <form action={`${base}/merge`} className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block text-xs text-stone-500">{t("mergeSearch")}</span>
            <input name="q" defaultValue={search} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
          <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm">
            {t("mergeFind")}
          </button>
        </form>
        <h2 className="mt-4 text-sm font-semibold">{t("mergeCandidates")}</h2>
        <ul className="mt-2 divide-y divide-stone-100 text-sm">
          {candidates.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 py-2">
              <span>
                {name(c)} <span className="text-stone-500">{[c.phone, c.remark].filter(Boolean).join(" · ")}</span>
              </span>
              <Link className="text-emerald-700 underline" href={`${base}/merge?${new URLSearchParams({ q: search, with: c.id })}`}>
                {t("mergePick")}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      {chosen && preview ? (
        <Card title={t("mergePreview")}>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>{t("mergeKeep", { name: name(m) })}</li>
            <li>{t("mergeGone", { name: name(chosen.member) })}</li>
            <li>{t("mergeWillMoveStays", { count: preview.movedStays })}</li>
            {preview.duplicateOpenStays ? <li>{t("mergeWillCloseDup", { count: preview.duplicateOpenStays })}</li> : null}
            <li>{t("mergeWillAddTags", { count: preview.addedTags })}</li>
            {preview.filledFields.length ? <li>{t("mergeWillFill", { fields: preview.filledFields.map((f) => t(f)).join("、") })}</li> : null}
          </ul>
          <div className="mt-4">
            <MergeButton workspaceId={ctx.workspace.id} keepId={m.id} mergeId={chosen.member.id} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
