import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** next-auth needs AUTH_SECRET; for local use one is made once and kept in .data/ (gitignored). */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.resolve(".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

/** Where a running launcher records its embedded database, so `npm run worker` can join it. */
export const EMBEDDED_URL_FILE = path.resolve(".data", "embedded-url");
