import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets at rest (webhook signing keys, later the WeCom secret): AES-256-GCM with a key
 * derived from QUNYUN_SECRET_KEY, else AUTH_SECRET. Stored as "v1.<iv>.<tag>.<ciphertext>"
 * (base64url), bound to the workspace and purpose so a value copied to another row will not
 * decrypt. Rotating the key means re-entering the secrets.
 */
const VERSION = "v1";

function key(): Buffer {
  const material = process.env.QUNYUN_SECRET_KEY || process.env.AUTH_SECRET;
  if (!material) throw new Error("Neither QUNYUN_SECRET_KEY nor AUTH_SECRET is set: secrets cannot be encrypted.");
  return Buffer.from(hkdfSync("sha256", material, "qunyun", "secrets-at-rest", 32));
}

export function encryptSecret(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, context: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** A new random signing secret, shown once to the owner. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}
