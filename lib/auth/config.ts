import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { verifyCredentials } from "./credentials";
import { SESSION_DAYS } from "./sessions";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class AccountLocked extends CredentialsSignin {
  code = "locked";
}

const credentialsSchema = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });

/** The nearest hop's address: Next (or the proxy in front of it) appends it last. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await verifyCredentials(getDb(), {
          ...parsed.data,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) throw result.reason === "locked" ? new AccountLocked() : new InvalidCredentials();
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // The token carries only ids; who the user is and whether the session still stands is
    // read from the database on every request (lib/auth/session.ts).
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
});
