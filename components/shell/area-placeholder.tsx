import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/card";
import { getWorkspaceContext } from "@/lib/workspaces/context";

export type Area = "positioning" | "groups" | "members" | "calendar" | "dashboards";

/** The honest empty state of an area that is not built yet: what will be here, nothing fake. */
export async function AreaPlaceholder({ area, workspaceId }: { area: Area; workspaceId: string }) {
  await getWorkspaceContext(workspaceId);
  const t = await getTranslations("areas");
  return (
    <>
      <PageHeader title={t(`${area}.title`)} lead={t(`${area}.lead`)} />
      <EmptyState badge={(await getTranslations("common"))("comingSoon")} intro={t("notYet")} items={t.raw(`${area}.items`) as string[]} />
    </>
  );
}
