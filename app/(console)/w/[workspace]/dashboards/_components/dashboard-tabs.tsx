import { SectionTabs } from "@/components/ui/section-tabs";

/** The data area's sections; each tab is its own page under /dashboards. */
const DASHBOARD_TABS = [
  { key: "overview", path: "" },
  { key: "funnel", path: "/funnel" },
  { key: "posts", path: "/posts" },
  { key: "groups", path: "/groups" },
  { key: "experiments", path: "/experiments" },
  { key: "roi", path: "/roi" },
  { key: "orders", path: "/orders" },
  { key: "setup", path: "/setup" },
] as const;

export function DashboardTabs({ workspaceId }: { workspaceId: string }) {
  return <SectionTabs base={`/w/${workspaceId}/dashboards`} tabs={DASHBOARD_TABS} namespace="dashboardsNav" />;
}
