import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { groupFormOptions } from "@/lib/groups/options";
import { planDefaults } from "@/lib/groups/plan-defaults";
import type { Translate } from "@/lib/positioning/format";
import { notFound } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { GroupForm } from "../_components/group-form";

export const metadata: Metadata = { title: "新建社群 New group" };

export default async function NewGroupPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ plan?: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  if (!hasRole(ctx.role, "operator")) notFound();
  const t = await getTranslations();
  const db = getDb();
  const options = await groupFormOptions(db, ctx.workspace.id, t as unknown as Translate);
  const plans = await planDefaults(db, ctx.workspace.id, options.plans);
  const { plan: presetId } = await searchParams;
  const preset = plans.find((p) => p.id === presetId);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/w/${ctx.workspace.id}/groups`} className="text-sm text-emerald-700 underline">
        ← {t("groups.backToList")}
      </Link>
      <PageHeader title={t("groups.newGroup")} />
      <Card>
        <GroupForm
          workspaceId={ctx.workspace.id}
          plans={plans}
          types={options.types}
          staff={options.staff}
          values={{
            name: "",
            communityType: preset?.communityType ?? null,
            positioningId: preset?.id ?? null,
            stage: "planned",
            plannedEnd: preset?.plannedEnd ?? null,
            entryThreshold: preset?.entryThreshold ?? null,
            capacity: 200,
            ownerUserId: ctx.session.user.id,
            adminUserIds: [],
            externalChatId: null,
            notes: "",
          }}
        />
      </Card>
    </div>
  );
}
