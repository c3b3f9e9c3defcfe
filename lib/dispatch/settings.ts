import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { calendarSettings } from "@/db/schema";
import { decryptSecret, encryptSecret, newSigningSecret } from "@/lib/crypto/secrets";
import { RuleError } from "@/lib/errors";
import { checkOutboundUrl, OutboundRefusedError, type OutboundOptions } from "@/lib/net/outbound";
import type { SaveCalendarRulesInput, SaveWebhookInput } from "./schema";

/**
 * The workspace's calendar rules and webhook channel (one row in calendar_settings, created on
 * first save; until then the column defaults apply). The signing secret never leaves this module
 * except once, in the answer to the action that created or rotated it.
 */
export type CalendarSettings = {
  dailyLimit: number;
  hardDailyLimit: number;
  quietStart: string;
  quietEnd: string;
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  webhookMaxAttempts: number;
};

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  dailyLimit: 3,
  hardDailyLimit: 5,
  quietStart: "22:00",
  quietEnd: "08:00",
  webhookUrl: null,
  hasWebhookSecret: false,
  webhookMaxAttempts: 5,
};

const secretContext = (workspaceId: string) => `${workspaceId}:webhook`;

export async function getCalendarSettings(db: DbOrTx, workspaceId: string): Promise<CalendarSettings> {
  const [row] = await db.select().from(calendarSettings).where(eq(calendarSettings.workspaceId, workspaceId));
  if (!row) return { ...DEFAULT_CALENDAR_SETTINGS };
  return {
    dailyLimit: row.dailyLimit,
    hardDailyLimit: row.hardDailyLimit,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    webhookUrl: row.webhookUrl,
    hasWebhookSecret: !!row.webhookSecretEnc,
    webhookMaxAttempts: row.webhookMaxAttempts,
  };
}

/** Inserts the row with defaults when missing, then applies `set`. */
async function upsert(db: DbOrTx, workspaceId: string, set: Partial<typeof calendarSettings.$inferInsert>) {
  await db
    .insert(calendarSettings)
    .values({ workspaceId, ...set })
    .onConflictDoUpdate({ target: calendarSettings.workspaceId, set: { ...set, updatedAt: sql`now()` } });
}

export async function saveCalendarRules(db: DbOrTx, workspaceId: string, input: SaveCalendarRulesInput): Promise<void> {
  await upsert(db, workspaceId, input);
}

const REFUSAL_KEYS: Record<OutboundRefusedError["reason"], string> = {
  invalid: "validation.webhookUrlInvalid",
  scheme: "validation.webhookUrlScheme",
  credentials: "validation.webhookUrlCredentials",
  private: "validation.webhookUrlPrivate",
  unresolvable: "validation.webhookUrlUnresolvable",
};

/** The save-time URL check as a field error on `url`. */
export async function assertWebhookUrl(raw: string, opts: OutboundOptions = {}): Promise<string> {
  try {
    return (await checkOutboundUrl(raw, opts)).toString();
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw new RuleError(REFUSAL_KEYS[error.reason], "url");
    throw error;
  }
}

/**
 * Saves the URL and attempts. A secret is generated the first time; it is returned (once) only
 * then, so the owner can copy it to the receiver.
 */
export async function saveWebhook(db: DbOrTx, workspaceId: string, input: SaveWebhookInput, opts: OutboundOptions = {}): Promise<{ url: string; secret: string | null }> {
  const url = await assertWebhookUrl(input.url, opts);
  const current = await getCalendarSettings(db, workspaceId);
  const secret = current.hasWebhookSecret ? null : newSigningSecret();
  await upsert(db, workspaceId, {
    webhookUrl: url,
    webhookMaxAttempts: input.maxAttempts,
    ...(secret && { webhookSecretEnc: encryptSecret(secret, secretContext(workspaceId)) }),
  });
  return { url, secret };
}

/** A new secret replaces the old one at once; deliveries from then on are signed with it. */
export async function rotateWebhookSecret(db: DbOrTx, workspaceId: string): Promise<{ secret: string }> {
  const secret = newSigningSecret();
  await upsert(db, workspaceId, { webhookSecretEnc: encryptSecret(secret, secretContext(workspaceId)) });
  return { secret };
}

export async function removeWebhook(db: DbOrTx, workspaceId: string): Promise<void> {
  await upsert(db, workspaceId, { webhookUrl: null, webhookSecretEnc: null });
}

export type WebhookTarget = { url: string; secret: string; maxAttempts: number };

/** The URL and the decrypted secret, for the sender only; null when the channel is not set up. */
export async function getWebhookTarget(db: DbOrTx, workspaceId: string): Promise<WebhookTarget | null> {
  const [row] = await db
    .select({ url: calendarSettings.webhookUrl, enc: calendarSettings.webhookSecretEnc, maxAttempts: calendarSettings.webhookMaxAttempts })
    .from(calendarSettings)
    .where(eq(calendarSettings.workspaceId, workspaceId));
  if (!row?.url || !row.enc) return null;
  return { url: row.url, secret: decryptSecret(row.enc, secretContext(workspaceId)), maxAttempts: row.maxAttempts };
}
