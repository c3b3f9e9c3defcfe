import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/fixtures";

afterAll(closeDb);

describe("the audit log", () => {
  it("refuses to be edited or deleted", async () => {
    const ws = await makeWorkspace("append-only");
    const mine = eq(auditLog.workspaceId, ws.workspaceId);
    await expect(getDb().update(auditLog).set({ action: "tampered" }).where(mine)).rejects.toThrow();
    await expect(getDb().delete(auditLog).where(mine)).rejects.toThrow();
    const rows = await getDb().select({ action: auditLog.action }).from(auditLog).where(mine);
    expect(rows).toEqual([{ action: "workspace.create" }]);
  });
});
