import { createHash, randomBytes } from "node:crypto";

export const INVITE_DAYS = 7;

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function inviteUrlPath(workspaceId: string, token: string): string {
  return `/invite/${workspaceId}/${token}`;
}
