/**
 * The live-code rule (DOMAIN.md §2: one QR that rolls over to the next group when one is full):
 * a visitor goes to the first target, in order, that is "open" here: its group QR is uploaded and
 * not expired and its group has not reached the code's capacity. A returning visitor keeps their
 * group while its QR works, even when it has filled up since. The console shows each target's
 * state with `targetState`; a scan applies the same rule in SQL (scan.ts, where it is atomic with
 * the seat it takes), so a change to one is a change to both.
 */
export type RoutableTarget = {
  id: string;
  position: number;
  hasQr: boolean;
  qrExpiresAt: Date | null;
  startMembers: number;
  assignedCount: number;
};

export type TargetState = "open" | "full" | "expired" | "noQr";

/** WeChat group QRs live 7 days; the console warns from one day before. */
export const EXPIRY_WARNING_MS = 24 * 60 * 60 * 1000;

export function fillOf(t: Pick<RoutableTarget, "startMembers" | "assignedCount">): number {
  return t.startMembers + t.assignedCount;
}

export function targetState(t: RoutableTarget, capacity: number, now: Date): TargetState {
  if (!t.hasQr) return "noQr";
  if (t.qrExpiresAt && t.qrExpiresAt.getTime() <= now.getTime()) return "expired";
  if (fillOf(t) >= capacity) return "full";
  return "open";
}

export function expiresSoon(qrExpiresAt: Date | null, now: Date): boolean {
  if (!qrExpiresAt) return false;
  const left = qrExpiresAt.getTime() - now.getTime();
  return left > 0 && left <= EXPIRY_WARNING_MS;
}

export type UaClass = "wechat" | "mobile" | "desktop" | "bot" | "other";

/** A coarse class is all the stats need; the raw user agent is not kept. */
export function classifyUserAgent(ua: string | null | undefined): UaClass {
  if (!ua) return "other";
  if (/MicroMessenger|wxwork/i.test(ua)) return "wechat";
  if (/bot|spider|crawl|curl|wget|python|httpclient|autocannon|headless|preview/i.test(ua)) return "bot";
  if (/Mobile|Android|iPhone|iPad|HarmonyOS/i.test(ua)) return "mobile";
  if (/Windows|Macintosh|X11|Linux|CrOS/i.test(ua)) return "desktop";
  return "other";
}
