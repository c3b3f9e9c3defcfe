/**
 * e2e fixtures: each spec seeds its own workspace straight into the e2e database (fast, and
 * independent of the UI under test) and signs in through the auth API, as documenso does.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type APIRequestContext, type BrowserContext } from "@playwright/test";
import postgres from "postgres";
import { v7 } from "uuid";

export const sql = postgres(process.env.E2E_DATABASE_URL ?? "postgres://invalid", { max: 2, onnotice: () => {} });

export type Person = { id: string; email: string; name: string; password: string };

export async function seedUser(label: string): Promise<Person> {
  const person = { id: v7(), email: `${label}-${randomUUID().slice(0, 8)}@e2e.test`, name: label, password: `pw-${randomUUID()}` };
  await sql`insert into users (id, email, name, password_hash) values (${person.id}, ${person.email}, ${person.name}, ${await hash(person.password)})`;
  return person;
}

/** A workspace with an owner, an operator and a viewer. */
export async function seedWorkspace(label: string) {
  const [owner, operator, viewer] = await Promise.all([seedUser(`${label}-owner`), seedUser(`${label}-operator`), seedUser(`${label}-viewer`)]);
  const workspaceId = v7();
  const name = `${label} 门店 ${workspaceId.slice(-4)}`;
  await sql.begin(async (tx) => {
    await tx`insert into workspaces (id, name) values (${workspaceId}, ${name})`;
    for (const [user, role] of [[owner, "owner"], [operator, "operator"], [viewer, "viewer"]] as const) {
      await tx`insert into memberships (workspace_id, user_id, role) values (${workspaceId}, ${user.id}, ${role})`;
    }
  });
  return { workspaceId, name, owner, operator, viewer };
}

/** Sign in through next-auth's credentials endpoint; the session cookie lands in the context. */
export async function signIn(context: BrowserContext, person: Pick<Person, "email" | "password">) {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { email: person.email, password: person.password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).not.toContain("error");
}

/**
 * Call a server action the way a hand-made request would, bypassing the UI, to prove the action
 * itself checks the caller. The action id comes from the build's server-reference manifest.
 */
export async function callAction(request: APIRequestContext, pagePath: string, exportName: string, args: unknown[]): Promise<string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportName)?.[0];
  if (!id) throw new Error(`server action ${exportName} not found in the build`);
  const response = await request.post(pagePath, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return response.text();
}
