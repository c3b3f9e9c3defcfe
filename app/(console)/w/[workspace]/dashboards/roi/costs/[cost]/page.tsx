import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { instantDay } from "@/lib/calendar/time";
import { isUuid } from "@/lib/ids";
import { yuanInput } from "@/lib/roi/money";
import { costTargetOptions, getCost } from "@/lib/roi/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { CostForm } from "../../_components/cost-form";

export const metadata: Metadata = { title: "修改成本 Edit cost" };
export const dynamic = "force-dynamic";

export default async function EditCostPage({ params }: { params: Promise<{ workspace: string; cost: string }> }) {
  const p = await params;
  const ctx = await getWorkspaceContext(p.workspace);
  if (!hasRole(ctx.role, "operator") || !isUuid(p.cost)) notFound();
  const db = getDb();
  const [t, cost, options] = await Promise.all([getTranslations("roi"), getCost(db, { workspaceId: ctx.workspace.id, costId: p.cost }), costTargetOptions(db, ctx.workspace.id)]);
  if (!cost) notFound();
  const back = `/w/${ctx.workspace.id}/dashboards/roi`;
  const target = (scope: string) => (cost.scope === scope ? (cost.targetId ?? "") : "");
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={back} className="text-sm text-emerald-700 underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("editCost")} />
      <Card>
        <CostForm
          workspaceId={ctx.workspace.id}
          backHref={back}
          options={{ plans: options.plans, groups: options.groups, posts: options.posts.map((x) => ({ id: x.id, label: `${instantDay(x.scheduledAt, ctx.workspace.timeZone)} ${x.title} · ${x.groupName}` })) }}
          values={{
            costId: cost.id,
            scope: cost.scope,
            planId: target("plan"),
            groupId: target("group"),
            postId: target("post"),
            campaign: cost.campaign ?? "",
            kind: cost.kind,
            amount: cost.kind === "staff" ? "" : yuanInput(cost.amountCents),
            staffHours: cost.staffHours ?? "",
            hourlyRate: cost.hourlyRateCents === null ? "" : yuanInput(cost.hourlyRateCents),
            incurredOn: cost.incurredOn,
            note: cost.note,
          }}
        />
      </Card>
    </div>
  );
}
