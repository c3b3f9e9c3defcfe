import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getGroupContext } from "@/lib/groups/context";
import { groupFormOptions } from "@/lib/groups/options";
import { planDefaults } from "@/lib/groups/plan-defaults";
import type { Translate } from "@/lib/positioning/format";
import { GroupForm } from "../../_components/group-form";

export const metadata: Metadata = { title: "编辑社群 Edit group" };

export default async function EditGroupPage({ params }: { params: Promise<{ workspace: string; group: string }> }) {
  const { workspace, group } = await params;
  const ctx = await getGroupContext(workspace, group);
  if (!hasRole(ctx.role, "operator")) notFound();
  const t = await getTranslations();
  const db = getDb();
  const options = await groupFormOptions(db, ctx.workspace.id, t as unknown as Translate);
  const g = ctx.group;
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/w/${ctx.workspace.id}/groups/${g.id}`} className="text-sm text-emerald-700 underline">
        ← {g.name}
      </Link>
      <PageHeader title={`${t("groups.edit")} · ${g.name}`} />
      <Card>
        <GroupForm
          workspaceId={ctx.workspace.id}
          plans={await planDefaults(db, ctx.workspace.id, options.plans)}
          types={options.types}
          staff={options.staff}
          values={{
            groupId: g.id,
            name: g.name,
            communityType: g.communityType,
            positioningId: g.positioningId,
            stage: g.stage,
            plannedEnd: g.plannedEnd,
            entryThreshold: g.entryThreshold,
            capacity: g.capacity,
            ownerUserId: g.ownerUserId,
            adminUserIds: g.adminUserIds,
            externalChatId: g.externalChatId,
            notes: g.notes,
          }}
        />
      </Card>
    </div>
  );
}
