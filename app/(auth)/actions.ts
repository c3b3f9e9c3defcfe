"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { LOCALE_COOKIE } from "@/i18n/request";
import { publicAction, userAction } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth/config";
import { getSession } from "@/lib/auth/session";
import { revokeSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { createUser, setUserLocale, signUp } from "@/lib/users/commands";
import { acceptInviteSignUpSchema, LOCALES, setLocaleSchema, signInSchema, signUpSchema, type Locale } from "@/lib/users/schema";
import { acceptInvite } from "@/lib/workspaces/commands";

/** Only same-site paths may be a post-sign-in destination (no open redirect). */
function safePath(path: string | undefined): string {
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

async function signInWithPassword(email: string, password: string, redirectTo: string) {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      throw new AppError((error as CredentialsSignin).code === "locked" ? "auth.locked" : "auth.invalidCredentials");
    }
    throw error;
  }
}

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return LOCALES.find((l) => l === locale) ?? "zh-CN";
}

export const signInAction = publicAction(signInSchema, async (input) => {
  await signInWithPassword(input.email, input.password, safePath(input.callbackUrl));
});

export const signUpAction = publicAction(signUpSchema, async (input) => {
  const locale = await currentLocale();
  const { workspaceId } = await getDb().transaction((tx) => signUp(tx, { ...input, locale }));
  await signInWithPassword(input.email, input.password, `/w/${workspaceId}`);
});

const inviteRef = z.object({ workspaceId: z.uuid(), token: z.string().min(10).max(100) });

/** A person without an account opens an invite: create the account with the invited e-mail and join. */
export const acceptInviteWithSignUpAction = publicAction(acceptInviteSignUpSchema.extend({ ...inviteRef.shape, email: z.email() }), async (input) => {
  const locale = await currentLocale();
  await getDb().transaction(async (tx) => {
    const user = await createUser(tx, { name: input.name, email: input.email, password: input.password, locale });
    await acceptInvite(tx, { workspaceId: input.workspaceId, token: input.token, userId: user.id, userEmail: input.email });
  });
  await signInWithPassword(input.email, input.password, `/w/${input.workspaceId}`);
});

export const acceptInviteAction = userAction(inviteRef, async ({ db, session }, input) => {
  await acceptInvite(db, { ...input, userId: session.user.id, userEmail: session.user.email });
  return { workspaceId: input.workspaceId };
});

const revokeCurrentSession = userAction(z.object({}), ({ db, session }) => revokeSession(db, session.sessionId));

/** Sign-out deletes the server-side session first, so a copied cookie stops working too. */
export async function signOutAction(): Promise<void> {
  await revokeCurrentSession(null, {});
  await signOut({ redirectTo: "/sign-in" });
}

const saveLocale = userAction(setLocaleSchema, ({ db, session }, input) => setUserLocale(db, { userId: session.user.id, locale: input.locale }));

/** Language is a cookie before sign-in and the user's own setting after. */
export const setLocaleAction = publicAction(setLocaleSchema, async (input) => {
  (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  if (await getSession()) {
    const saved = await saveLocale(null, input);
    if (!saved.ok) throw new AppError(saved.error);
  }
});
