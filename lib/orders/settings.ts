import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dataSettings } from "@/db/schema";
import { decryptSecret, encryptSecret, newSigningSecret } from "@/lib/crypto/secrets";

export const DEFAULT_WINDOW_DAYS = 7;

/** The secret is bound to its workspace and purpose: copied to another row it does not decrypt. */
export const ordersSecretContext = (workspaceId: string) => `${workspaceId}:orders`;

export type DataSettingsView = { hasSecret: boolean; secretRotatedAt: Date | null; attributionWindowDays: number };

export async function getDataSettings(db: DbOrTx, workspaceId: string): Promise<DataSettingsView> {
  const [row] = await db.execute<{ has_secret: boolean; rotated_at: string | null; window_days: number }>(sql`
    select orders_secret_enc is not null as has_secret, orders_secret_rotated_at as rotated_at, attribution_window_days as window_days
    from data_settings where workspace_id = ${workspaceId}`);
  return row
    ? { hasSecret: row.has_secret, secretRotatedAt: row.rotated_at ? new Date(row.rotated_at) : null, attributionWindowDays: Number(row.window_days) }
    : { hasSecret: false, secretRotatedAt: null, attributionWindowDays: DEFAULT_WINDOW_DAYS };
}

/** The webhook's view: the decrypted secret (null when none is set) and the window. Unknown workspace → null secret. */
export async function getOrdersConfig(db: DbOrTx, workspaceId: string): Promise<{ secret: string | null; windowDays: number }> {
  const [row] = await db.execute<{ enc: string | null; window_days: number }>(sql`
    select orders_secret_enc as enc, attribution_window_days as window_days from data_settings where workspace_id = ${workspaceId}`);
  if (!row) return { secret: null, windowDays: DEFAULT_WINDOW_DAYS };
  return { secret: row.enc ? decryptSecret(row.enc, ordersSecretContext(workspaceId)) : null, windowDays: Number(row.window_days) };
}

export async function getAttributionWindowDays(db: DbOrTx, workspaceId: string): Promise<number> {
  return (await getDataSettings(db, workspaceId)).attributionWindowDays;
}

/**
 * A new order secret, replacing the old one at once (requests signed with the old one are then
 * refused). Returned once, for the owner to copy; only its encryption is stored.
 */
export async function rotateOrdersSecret(db: DbOrTx, workspaceId: string): Promise<string> {
  const secret = newSigningSecret();
  const enc = encryptSecret(secret, ordersSecretContext(workspaceId));
  await db
    .insert(dataSettings)
    .values({ workspaceId, ordersSecretEnc: enc, ordersSecretRotatedAt: new Date() })
    .onConflictDoUpdate({ target: dataSettings.workspaceId, set: { ordersSecretEnc: enc, ordersSecretRotatedAt: new Date(), updatedAt: new Date() } });
  return secret;
}

export async function setAttributionWindow(db: DbOrTx, workspaceId: string, days: number): Promise<void> {
  await db
    .insert(dataSettings)
    .values({ workspaceId, attributionWindowDays: days })
    .onConflictDoUpdate({ target: dataSettings.workspaceId, set: { attributionWindowDays: days, updatedAt: new Date() } });
}
