import { eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { invites, sessions } from "@/db/schema";
import { newId } from "@/lib/ids";
import { makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { QUEUES, registerJobs } from "./worker";

let boss: PgBoss;

beforeAll(async () => {
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 2 });
  await boss.start();
  await registerJobs(boss, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await closeDb();
});

/** Wait for the job's own state, not for a clock. */
async function settled(id: string) {
  for (;;) {
    const job = await boss.getJobById(QUEUES.cleanup, id);
    if (job && ["completed", "failed"].includes(job.state)) return job;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("the cleanup job", () => {
  it("is scheduled", async () => {
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain(QUEUES.cleanup);
  });

  it("removes expired sessions and invites through the worker, and keeps live ones", async () => {
    const user = await makeUser("cleanup");
    const ws = await makeWorkspace("cleanup");
    const [expiredSession, liveSession, expiredInvite, liveInvite] = [newId(), newId(), newId(), newId()];
    await getDb().insert(sessions).values([
      { id: expiredSession, userId: user.id, expiresAt: new Date(Date.now() - 60_000) },
      { id: liveSession, userId: user.id, expiresAt: new Date(Date.now() + 60_000) },
    ]);
    await getDb().insert(invites).values([
      { workspaceId: ws.workspaceId, id: expiredInvite, email: "old@example.test", role: "viewer", tokenHash: newId(), expiresAt: new Date(Date.now() - 60_000) },
      { workspaceId: ws.workspaceId, id: liveInvite, email: "new@example.test", role: "viewer", tokenHash: newId(), expiresAt: new Date(Date.now() + 60_000) },
    ]);

    const jobId = await boss.send(QUEUES.cleanup, {});
    expect(jobId).toBeTruthy();
    const job = await settled(jobId!);
    expect(job.state, JSON.stringify(job.output)).toBe("completed");

    const leftSessions = await getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    expect(leftSessions.map((s) => s.id)).toEqual([liveSession]);
    const leftInvites = await getDb().select({ id: invites.id }).from(invites).where(eq(invites.workspaceId, ws.workspaceId));
    expect(leftInvites.map((i) => i.id)).toEqual([liveInvite]);
  });
});

