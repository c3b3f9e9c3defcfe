import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { auth } from "./config";
import { getActiveSession, type SessionUser } from "./sessions";

export type Session = { sessionId: string; user: SessionUser };

/** The signed-in user for this request, checked against the sessions table (so revocable). */
export const getSession = cache(async (): Promise<Session | null> => {
  const jwt = (await auth()) as { sid?: unknown } | null;
  if (!jwt || !isUuid(jwt.sid)) return null;
  return getActiveSession(getDb(), jwt.sid);
});

export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}
