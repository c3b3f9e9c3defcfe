import type { ReactNode } from "react";
import { CalendarTabs } from "./_components/calendar-tabs";

export default async function CalendarLayout({ children, params }: { children: ReactNode; params: Promise<{ workspace: string }> }) {
  // Membership is checked by each page itself (layouts are not re-run on navigation).
  return (
    <div className="max-w-7xl">
      <CalendarTabs workspaceId={(await params).workspace} />
      {children}
    </div>
  );
}
