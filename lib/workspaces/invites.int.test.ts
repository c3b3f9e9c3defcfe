import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { invites, memberships } from "@/db/schema";
import { makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { acceptInvite, createInvite } from "./commands";
import { getInviteByToken } from "./queries";

afterAll(closeDb);

async function invite(workspaceId: string, invitedBy: string, email: string) {
  return getDb().transaction((tx) => createInvite(tx, { workspaceId, email, role: "operator", invitedBy }));
}

describe("invites", () => {
  it("work once, with the invited e-mail, and give the invited role", async () => {
    const ws = await makeWorkspace("invite-once");
    const guest = await makeUser("guest");
    const { token } = await invite(ws.workspaceId, ws.owner.id, guest.email);
    await getDb().transaction((tx) => acceptInvite(tx, { workspaceId: ws.workspaceId, token, userId: guest.id, userEmail: guest.email }));
    const [member] = await getDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, ws.workspaceId), eq(memberships.userId, guest.id)));
    expect(member?.role).toBe("operator");
    expect((await getInviteByToken(getDb(), { workspaceId: ws.workspaceId, token }))?.status).toBe("accepted");
    await expect(
      getDb().transaction((tx) => acceptInvite(tx, { workspaceId: ws.workspaceId, token, userId: guest.id, userEmail: guest.email })),
    ).rejects.toMatchObject({ messageKey: "errors.inviteUsed" });
  });

  it("refuse another e-mail and an expired link", async () => {
    const ws = await makeWorkspace("invite-refused");
    const guest = await makeUser("guest2");
    const stranger = await makeUser("stranger");
    const { token, inviteId } = await invite(ws.workspaceId, ws.owner.id, guest.email);
    await expect(
      getDb().transaction((tx) => acceptInvite(tx, { workspaceId: ws.workspaceId, token, userId: stranger.id, userEmail: stranger.email })),
    ).rejects.toMatchObject({ messageKey: "errors.inviteOtherEmail" });
    await getDb()
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(invites.workspaceId, ws.workspaceId), eq(invites.id, inviteId)));
    await expect(
      getDb().transaction((tx) => acceptInvite(tx, { workspaceId: ws.workspaceId, token, userId: guest.id, userEmail: guest.email })),
    ).rejects.toMatchObject({ messageKey: "errors.inviteUsed" });
  });

  it("are not found under another workspace's id", async () => {
    const ws = await makeWorkspace("invite-home");
    const other = await makeWorkspace("invite-other");
    const { token } = await invite(ws.workspaceId, ws.owner.id, "someone@example.test");
    expect(await getInviteByToken(getDb(), { workspaceId: other.workspaceId, token })).toBeNull();
  });

  it("replace an earlier pending link for the same e-mail", async () => {
    const ws = await makeWorkspace("invite-replace");
    const first = await invite(ws.workspaceId, ws.owner.id, "again@example.test");
    const second = await invite(ws.workspaceId, ws.owner.id, "again@example.test");
    expect((await getInviteByToken(getDb(), { workspaceId: ws.workspaceId, token: first.token }))?.status).toBe("revoked");
    expect((await getInviteByToken(getDb(), { workspaceId: ws.workspaceId, token: second.token }))?.status).toBe("pending");
  });
});
