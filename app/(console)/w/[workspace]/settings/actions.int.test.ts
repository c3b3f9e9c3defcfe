import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { auditLog, invites, memberships } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

// The session is the one thing supplied from outside: next-auth's cookie cannot exist here.
// Everything behind it (membership, role, database, audit) is the real thing.
const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { changeRoleAction, createInviteAction, removeMemberAction, renameWorkspaceAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

async function invitesOf(workspaceId: string) {
  return getDb().select().from(invites).where(eq(invites.workspaceId, workspaceId));
}

describe("workspace actions check the caller themselves", () => {
  it("refuse a viewer, write nothing", async () => {
    const ws = await makeWorkspace("viewer-refused");
    current.session = await sessionFor(ws.viewer);
    const result = await createInviteAction(ws.workspaceId, null, { email: "someone@example.test", role: "operator" });
    expect(result).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await invitesOf(ws.workspaceId)).toHaveLength(0);
  });

  it("refuse an operator an owner's action", async () => {
    const ws = await makeWorkspace("operator-refused");
    current.session = await sessionFor(ws.operator);
    expect(await renameWorkspaceAction(ws.workspaceId, null, { name: "Hijacked" })).toEqual({ ok: false, error: "errors.forbidden" });
  });

  it("answer not-found for another workspace, as if it did not exist", async () => {
    const mine = await makeWorkspace("mine");
    const theirs = await makeWorkspace("theirs");
    current.session = await sessionFor(mine.owner);
    expect(await createInviteAction(theirs.workspaceId, null, { email: "x@example.test", role: "owner" })).toEqual({
      ok: false,
      error: "errors.notFound",
    });
    expect(await removeMemberAction(theirs.workspaceId, null, { userId: theirs.viewer.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await createInviteAction("not-a-uuid", null, { email: "x@example.test", role: "owner" })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await invitesOf(theirs.workspaceId)).toHaveLength(0);
  });

  it("refuse a caller without a session", async () => {
    const ws = await makeWorkspace("anonymous");
    expect(await renameWorkspaceAction(ws.workspaceId, null, { name: "x" })).toEqual({ ok: false, error: "errors.unauthenticated" });
  });

  it("answer bad input with field errors and change nothing", async () => {
    const ws = await makeWorkspace("bad-input");
    current.session = await sessionFor(ws.owner);
    const form = new FormData();
    form.set("email", "not an email");
    form.set("role", "emperor");
    const result = await createInviteAction(ws.workspaceId, null, form);
    expect(result).toEqual({
      ok: false,
      error: "errors.invalidInput",
      fieldErrors: { email: ["validation.email"], role: ["validation.role"] },
    });
    expect(await invitesOf(ws.workspaceId)).toHaveLength(0);
  });

  it("write the change and its audit row together", async () => {
    const ws = await makeWorkspace("audited");
    current.session = await sessionFor(ws.owner);
    const result = await createInviteAction(ws.workspaceId, null, { email: "New.Person@Example.test", role: "viewer" });
    expect(result.ok).toBe(true);
    const [invite] = await invitesOf(ws.workspaceId);
    expect(invite).toMatchObject({ email: "new.person@example.test", role: "viewer" });
    const path = result.ok ? result.data.path : "";
    expect(invite?.tokenHash).not.toBe(path.split("/").at(-1)); // only the hash is stored
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws.workspaceId), eq(auditLog.action, "invite.create")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: ws.owner.id, targetId: invite?.id });
  });
});

describe("members", () => {
  it("never lose their last owner", async () => {
    const ws = await makeWorkspace("last-owner");
    current.session = await sessionFor(ws.owner);
    expect(await changeRoleAction(ws.workspaceId, null, { userId: ws.owner.id, role: "viewer" })).toEqual({
      ok: false,
      error: "errors.lastOwner",
    });
    expect(await removeMemberAction(ws.workspaceId, null, { userId: ws.owner.id })).toEqual({ ok: false, error: "errors.lastOwner" });
  });

  it("lose access at once when removed", async () => {
    const ws = await makeWorkspace("removed");
    const operatorSession = await sessionFor(ws.operator);
    current.session = await sessionFor(ws.owner);
    expect(await removeMemberAction(ws.workspaceId, null, { userId: ws.operator.id })).toMatchObject({ ok: true });
    const left = await getDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, ws.workspaceId), eq(memberships.userId, ws.operator.id)));
    expect(left).toHaveLength(0);
    current.session = operatorSession;
    expect(await createInviteAction(ws.workspaceId, null, { email: "x@example.test", role: "viewer" })).toEqual({
      ok: false,
      error: "errors.notFound",
    });
  });

  it("can be promoted, after which an owner's action is allowed", async () => {
    const ws = await makeWorkspace("promoted");
    current.session = await sessionFor(ws.owner);
    expect(await changeRoleAction(ws.workspaceId, null, { userId: ws.operator.id, role: "owner" })).toMatchObject({ ok: true });
    current.session = await sessionFor(ws.operator);
    expect(await renameWorkspaceAction(ws.workspaceId, null, { name: "Renamed by new owner" })).toMatchObject({ ok: true });
  });
});
