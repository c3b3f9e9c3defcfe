import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Sidebar } from "@/components/shell/sidebar";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { countUnreadNotifications } from "@/lib/calendar/post-queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { listUserWorkspaces } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const ctx = await getWorkspaceContext(workspace);
  const [workspaces, t, unread] = await Promise.all([
    listUserWorkspaces(getDb(), ctx.session.user.id),
    getTranslations(),
    countUnreadNotifications(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.session.user.id }),
  ]);
  return (
    <div className="min-h-screen md:flex">
      <Sidebar
        workspaceId={ctx.workspace.id}
        workspaces={workspaces}
        userName={ctx.session.user.name}
        roleLabel={t(`roles.${ctx.role}`)}
        calendarUnread={unread}
        calendarUnreadLabel={t("calendarToday.unreadBadge", { count: unread })}
        footer={
          <>
            <LanguageSwitch />
            <SignOutButton />
          </>
        }
      />
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-8 print:p-0">
        {ctx.role === "viewer" ? (
          <p className="mb-4 rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700 print:hidden">{t("common.youAreViewer")}</p>
        ) : null}
        {children}
      </main>
    </div>
  );
}
