import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getSession } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

/** The front door: the first workspace for a signed-in user, else sign-in. */
export default async function Home() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  const [first] = await listUserWorkspaces(getDb(), session.user.id);
  redirect(first ? `/w/${first.id}` : "/new-workspace");
}
