import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getLiveCodeContext } from "@/lib/livecodes/context";
import { dayFromExpiresAt, defaultExpiryDay } from "@/lib/livecodes/dates";
import { liveCodeFormOptions } from "@/lib/livecodes/queries";
import { LiveCodeForm } from "../../_components/live-code-form";

export const metadata: Metadata = { title: "编辑活码 Edit live code" };

export default async function EditLiveCodePage({ params }: { params: Promise<{ workspace: string; code: string }> }) {
  const { workspace, code: codeId } = await params;
  const ctx = await getLiveCodeContext(workspace, codeId);
  if (!hasRole(ctx.role, "operator")) notFound();
  const [t, options] = await Promise.all([getTranslations("liveCodes"), liveCodeFormOptions(getDb(), { workspaceId: ctx.workspace.id })]);
  const c = ctx.code;
  const tz = ctx.workspace.timeZone;
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/w/${ctx.workspace.id}/livecodes/${c.id}`} className="text-sm text-emerald-700 underline">
        ← {c.name}
      </Link>
      <PageHeader title={`${t("editTitle")} · ${c.name}`} />
      <Card>
        <LiveCodeForm
          workspaceId={ctx.workspace.id}
          groups={options.groups}
          tags={options.tags}
          defaultExpiry={defaultExpiryDay(new Date(), tz)}
          values={{
            liveCodeId: c.id,
            name: c.name,
            slug: c.slug,
            channel: c.channel,
            capacity: c.capacity,
            welcomeMessage: c.welcomeMessage,
            tagIds: c.tags.map((x) => x.id),
            targets: c.targets.map((x) => ({ key: x.id, groupId: x.groupId, uploadId: x.qrUploadId ?? "", expiresOn: x.qrExpiresAt ? dayFromExpiresAt(x.qrExpiresAt, tz) : "" })),
          }}
        />
      </Card>
    </div>
  );
}
