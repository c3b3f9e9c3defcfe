import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { newId } from "@/lib/ids";
import { makeUser, sessionFor, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { changePassword } from "@/lib/users/commands";
import { getActiveSession, revokeSession } from "./sessions";

afterAll(closeDb);

describe("revocable sessions", () => {
  it("stop working once revoked (sign-out)", async () => {
    const user = await makeUser("signout");
    const session = await sessionFor(user);
    expect(await getActiveSession(getDb(), session.sessionId)).toMatchObject({ user: { id: user.id } });
    await revokeSession(getDb(), session.sessionId);
    expect(await getActiveSession(getDb(), session.sessionId)).toBeNull();
  });

  it("stop working on every other device after a password change", async () => {
    const user = await makeUser("pwchange");
    const here = await sessionFor(user);
    const elsewhere = await sessionFor(user);
    await getDb().transaction((tx) =>
      changePassword(tx, { userId: user.id, sessionId: here.sessionId, currentPassword: TEST_PASSWORD, newPassword: "a brand new secret" }),
    );
    expect(await getActiveSession(getDb(), here.sessionId)).not.toBeNull();
    expect(await getActiveSession(getDb(), elsewhere.sessionId)).toBeNull();
  });

  it("refuse a password change with the wrong current password and keep the sessions", async () => {
    const user = await makeUser("pwwrong");
    const here = await sessionFor(user);
    const elsewhere = await sessionFor(user);
    await expect(
      getDb().transaction((tx) =>
        changePassword(tx, { userId: user.id, sessionId: here.sessionId, currentPassword: "not it at all", newPassword: "whatever123" }),
      ),
    ).rejects.toMatchObject({ messageKey: "validation.wrongPassword" });
    expect(await getActiveSession(getDb(), elsewhere.sessionId)).not.toBeNull();
  });

  it("stop working once expired", async () => {
    const user = await makeUser("expired");
    const id = newId();
    await getDb().insert(sessions).values({ id, userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    expect(await getActiveSession(getDb(), id)).toBeNull();
  });
});
