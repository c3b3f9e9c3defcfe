import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getSession } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getInviteByToken } from "@/lib/workspaces/queries";
import { AcceptInvite, InviteSignUpForm } from "./invite-forms";

export const metadata: Metadata = { title: "邀请 Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ workspace: string; token: string }> }) {
  const { workspace: workspaceId, token } = await params;
  const t = await getTranslations();
  const db = getDb();
  const invite = isUuid(workspaceId) ? await getInviteByToken(db, { workspaceId, token }) : null;
  if (!invite) return <Card><FormMessage error={t("invite.notFound")} /></Card>;
  if (invite.status !== "pending") return <Card><FormMessage error={t(`invite.${invite.status === "accepted" ? "used" : invite.status}`)} /></Card>;

  const session = await getSession();
  const selfPath = `/invite/${workspaceId}/${token}`;
  let body;
  if (session && session.user.email.toLowerCase() === invite.email.toLowerCase()) {
    body = <AcceptInvite workspaceId={workspaceId} token={token} />;
  } else if (session) {
    body = (
      <div className="space-y-4">
        <FormMessage error={t("invite.otherEmail", { email: invite.email, current: session.user.email })} />
        <SignOutButton />
      </div>
    );
  } else {
    const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${invite.email}`).limit(1);
    body = existing ? (
      <Link href={`/sign-in?callbackUrl=${encodeURIComponent(selfPath)}`} className="text-emerald-700 underline">
        {t("invite.signInToAccept")}
      </Link>
    ) : (
      <InviteSignUpForm workspaceId={workspaceId} token={token} email={invite.email} />
    );
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold">
        {invite.inviterName
          ? t("invite.title", { inviter: invite.inviterName, workspace: invite.workspaceName })
          : t("invite.titleNoInviter", { workspace: invite.workspaceName })}
      </h1>
      <p className="mt-2 text-sm text-stone-600">{t("invite.role", { role: t(`roles.${invite.role}`) })}</p>
      <p className="mb-4 text-sm text-stone-600">{t("invite.sentTo", { email: invite.email })}</p>
      {body}
    </Card>
  );
}
