import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { defaultExpiryDay } from "@/lib/livecodes/dates";
import { liveCodeFormOptions } from "@/lib/livecodes/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { LiveCodeForm } from "../_components/live-code-form";

export const metadata: Metadata = { title: "新建活码 New live code" };

export default async function NewLiveCodePage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  if (!hasRole(ctx.role, "operator")) notFound();
  const [t, options] = await Promise.all([getTranslations("liveCodes"), liveCodeFormOptions(getDb(), { workspaceId: ctx.workspace.id })]);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/w/${ctx.workspace.id}/livecodes`} className="text-sm text-emerald-700 underline">
        ← {t("backToList")}
      </Link>
      <PageHeader title={t("newCode")} lead={t("lead")} />
      <Card>
        <LiveCodeForm
          workspaceId={ctx.workspace.id}
          groups={options.groups}
          tags={options.tags}
          defaultExpiry={defaultExpiryDay(new Date(), ctx.workspace.timeZone)}
          values={{ name: "", slug: "", channel: "", capacity: 200, welcomeMessage: "", tagIds: [], targets: [] }}
        />
      </Card>
    </div>
  );
}
