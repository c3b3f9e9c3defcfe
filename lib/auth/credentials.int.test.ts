import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { makeUser, makeWorkspace, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { verifyCredentials } from "./credentials";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT } from "./rate-limit";

afterAll(closeDb);

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;

describe("passwords", () => {
  it("are stored only as an argon2 hash, never in clear text", async () => {
    const user = await makeUser("hash");
    const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("sign in with the right password and create a session", async () => {
    const user = await makeUser("ok");
    const result = await verifyCredentials(getDb(), { email: user.email.toUpperCase(), password: TEST_PASSWORD, ip: ip() });
    expect(result).toMatchObject({ ok: true, userId: user.id });
  });
});

describe("sign-in rate limit", () => {
  it("locks an account after repeated failures, even for the right password, and audits the failures", async () => {
    const { owner, workspaceId } = await makeWorkspace("locked");
    const addr = ip();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect(await verifyCredentials(getDb(), { email: owner.email, password: "wrong-password", ip: addr })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyCredentials(getDb(), { email: owner.email, password: TEST_PASSWORD, ip: ip() })).toEqual({ ok: false, reason: "locked" });

    const failures = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "auth.sign_in_failed")));
    expect(failures).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(JSON.stringify(failures)).not.toContain(addr);
  });

  it("locks one account without locking another", async () => {
    const [victim, bystander] = [await makeUser("victim"), await makeUser("bystander")];
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await verifyCredentials(getDb(), { email: victim.email, password: "nope-nope", ip: ip() });
    expect(await verifyCredentials(getDb(), { email: bystander.email, password: TEST_PASSWORD, ip: ip() })).toMatchObject({ ok: true });
  });

  it("locks an address that guesses across many accounts", async () => {
    const addr = ip();
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      await verifyCredentials(getDb(), { email: `nobody-${i}-${addr}@example.test`, password: "guess-guess", ip: addr });
    }
    const user = await makeUser("shared-ip");
    expect(await verifyCredentials(getDb(), { email: user.email, password: TEST_PASSWORD, ip: addr })).toEqual({ ok: false, reason: "locked" });
  });
});
