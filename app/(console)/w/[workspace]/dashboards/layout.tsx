import type { ReactNode } from "react";
import { DashboardTabs } from "./_components/dashboard-tabs";

export default async function DashboardsLayout({ children, params }: { children: ReactNode; params: Promise<{ workspace: string }> }) {
  // Membership is checked by each page itself (layouts are not re-run on navigation).
  return (
    <div className="max-w-7xl">
      <DashboardTabs workspaceId={(await params).workspace} />
      {children}
    </div>
  );
}
