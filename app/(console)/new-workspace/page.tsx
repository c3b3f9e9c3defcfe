import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/session";
import { NewWorkspaceForm } from "./new-workspace-form";

export const metadata: Metadata = { title: "新建工作区 New workspace" };
export const dynamic = "force-dynamic";

export default async function NewWorkspacePage() {
  await requireSession();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4">
      <NewWorkspaceForm />
    </main>
  );
}
