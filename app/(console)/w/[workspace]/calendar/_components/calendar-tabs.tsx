import { SectionTabs } from "@/components/ui/section-tabs";

/** The calendar area's sections; each tab is its own page under /calendar. */
const CALENDAR_TABS = [
  { key: "calendar", path: "" },
  { key: "today", path: "/today" },
  { key: "content", path: "/content" },
  { key: "columns", path: "/columns" },
  { key: "templates", path: "/templates" },
] as const;

export function CalendarTabs({ workspaceId }: { workspaceId: string }) {
  return <SectionTabs base={`/w/${workspaceId}/calendar`} tabs={CALENDAR_TABS} namespace="calendarNav" />;
}
