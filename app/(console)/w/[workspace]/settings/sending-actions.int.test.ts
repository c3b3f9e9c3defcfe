import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { auditLog, calendarSettings } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { decryptSecret } from "@/lib/crypto/secrets";
import { getCalendarSettings, getWebhookTarget } from "@/lib/dispatch/settings";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveCalendarRulesAction, saveWebhookAction, rotateWebhookSecretAction, removeWebhookAction, testWebhookAction } = await import("./actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

// A public IP literal: the save-time check needs no DNS for it, and nothing is ever sent there here.
const PUBLIC_URL = "https://93.184.216.34/qunyun-hook";

describe("sending settings actions", () => {
  it("lets the owner save the webhook and shows the secret once, encrypted at rest and never again", async () => {
    const ws = await makeWorkspace("send-owner");
    current.session = await sessionFor(ws.owner);
    const first = await saveWebhookAction(ws.workspaceId, null, { url: PUBLIC_URL, maxAttempts: "4" });
    if (!first.ok) throw new Error(first.error);
    expect(first.data.secret).toMatch(/^whsec_/);
    const secret = first.data.secret!;

    const [row] = await getDb().select().from(calendarSettings).where(eq(calendarSettings.workspaceId, ws.workspaceId));
    expect(row?.webhookSecretEnc).not.toContain(secret);
    expect(decryptSecret(row!.webhookSecretEnc!, `${ws.workspaceId}:webhook`)).toBe(secret);
    expect(row).toMatchObject({ webhookUrl: PUBLIC_URL, webhookMaxAttempts: 4 });

    // Saving again keeps the secret and does not show it.
    const again = await saveWebhookAction(ws.workspaceId, null, { url: PUBLIC_URL, maxAttempts: "5" });
    expect(again).toEqual({ ok: true, data: { url: PUBLIC_URL, secret: null } });
    const settings = await getCalendarSettings(getDb(), ws.workspaceId);
    expect(JSON.stringify(settings)).not.toContain(secret);
    expect(settings).toMatchObject({ webhookUrl: PUBLIC_URL, hasWebhookSecret: true, webhookMaxAttempts: 5 });

    // Rotation answers a new secret once; the old one no longer signs.
    const rotated = await rotateWebhookSecretAction(ws.workspaceId, null, {});
    if (!rotated.ok) throw new Error(rotated.error);
    expect(rotated.data.secret).not.toBe(secret);
    expect((await getWebhookTarget(getDb(), ws.workspaceId))?.secret).toBe(rotated.data.secret);

    const audit = await getDb().select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(eq(auditLog.workspaceId, ws.workspaceId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.save", "webhook.rotate_secret"]));
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(rotated.data.secret);

    expect(await removeWebhookAction(ws.workspaceId, null, {})).toEqual({ ok: true, data: null });
    expect(await getWebhookTarget(getDb(), ws.workspaceId)).toBeNull();
  });

  it("refuses private, loopback and non-http URLs with a field error", async () => {
    const ws = await makeWorkspace("send-ssrf");
    current.session = await sessionFor(ws.owner);
    for (const [url, key] of [
      ["http://localhost:3000/hook", "validation.webhookUrlPrivate"],
      ["http://192.168.1.10/hook", "validation.webhookUrlPrivate"],
      ["http://[::ffff:169.254.169.254]/", "validation.webhookUrlPrivate"],
      ["javascript:alert(1)", "validation.webhookUrlScheme"],
      ["example.com/hook", "validation.webhookUrlInvalid"],
    ] as const) {
      const r = await saveWebhookAction(ws.workspaceId, null, { url, maxAttempts: "5" });
      expect(r, url).toMatchObject({ ok: false, fieldErrors: { url: [key] } });
    }
    expect(await getWebhookTarget(getDb(), ws.workspaceId)).toBeNull();
  });

  it("lets only owners change sending settings, and never another workspace's", async () => {
    const ws = await makeWorkspace("send-roles");
    const other = await makeWorkspace("send-other");
    for (const user of [ws.operator, ws.viewer]) {
      current.session = await sessionFor(user);
      expect(await saveWebhookAction(ws.workspaceId, null, { url: PUBLIC_URL, maxAttempts: "5" })).toMatchObject({ ok: false, error: "errors.forbidden" });
      expect(await rotateWebhookSecretAction(ws.workspaceId, null, {})).toMatchObject({ ok: false, error: "errors.forbidden" });
      expect(await testWebhookAction(ws.workspaceId, null, {})).toMatchObject({ ok: false, error: "errors.forbidden" });
      expect(await saveCalendarRulesAction(ws.workspaceId, null, { dailyLimit: "4", hardDailyLimit: "6", quietStart: "23:00", quietEnd: "07:30" })).toMatchObject({ ok: false, error: "errors.forbidden" });
    }
    current.session = await sessionFor(other.owner);
    expect(await saveWebhookAction(ws.workspaceId, null, { url: PUBLIC_URL, maxAttempts: "5" })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await rotateWebhookSecretAction(ws.workspaceId, null, {})).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await getCalendarSettings(getDb(), ws.workspaceId)).toMatchObject({ webhookUrl: null, hasWebhookSecret: false });
  });

  it("saves calendar rules with defaults until then, and checks them", async () => {
    const ws = await makeWorkspace("send-rules");
    expect(await getCalendarSettings(getDb(), ws.workspaceId)).toMatchObject({ dailyLimit: 3, hardDailyLimit: 5, quietStart: "22:00", quietEnd: "08:00", webhookMaxAttempts: 5 });
    current.session = await sessionFor(ws.owner);
    expect(await saveCalendarRulesAction(ws.workspaceId, null, { dailyLimit: "4", hardDailyLimit: "3", quietStart: "23:00", quietEnd: "07:30" })).toMatchObject({
      ok: false,
      fieldErrors: { hardDailyLimit: ["validation.hardBelowDaily"] },
    });
    expect(await saveCalendarRulesAction(ws.workspaceId, null, { dailyLimit: "4", hardDailyLimit: "6", quietStart: "25:00", quietEnd: "07:30" })).toMatchObject({
      ok: false,
      fieldErrors: { quietStart: ["validation.quietTime"] },
    });
    expect(await saveCalendarRulesAction(ws.workspaceId, null, { dailyLimit: "4", hardDailyLimit: "6", quietStart: "23:00", quietEnd: "07:30" })).toMatchObject({ ok: true });
    expect(await getCalendarSettings(getDb(), ws.workspaceId)).toMatchObject({ dailyLimit: 4, hardDailyLimit: 6, quietStart: "23:00", quietEnd: "07:30" });
  });

  it("answers the test button with the refusal when the saved URL is not allowed", async () => {
    const ws = await makeWorkspace("send-test");
    current.session = await sessionFor(ws.owner);
    expect(await testWebhookAction(ws.workspaceId, null, {})).toMatchObject({ ok: false, error: "errors.webhookNotSetUp" });
    await saveWebhookAction(ws.workspaceId, null, { url: PUBLIC_URL, maxAttempts: "5" });
    // The address changed behind the check (as DNS can): the ping is refused at connect time.
    await getDb().update(calendarSettings).set({ webhookUrl: "http://localhost:9/hook" }).where(eq(calendarSettings.workspaceId, ws.workspaceId));
    expect(await testWebhookAction(ws.workspaceId, null, {})).toEqual({ ok: true, data: { delivered: false, status: null, error: "refused" } });
  });
});
