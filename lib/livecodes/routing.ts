/**
 * The live-code rule (DOMAIN.md §2: one QR that rolls over to the next group when one is full):
 * a visitor goes to the first target, in order, whose group QR is uploaded and not expired and
 * whose group has not reached the code's capacity. Pure, so it is tested without a database.
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

export function chooseTarget<T extends RoutableTarget>(targets: T[], capacity: number, now: Date): T | null {
  const ordered = [...targets].sort((a, b) => a.position - b.position);
  return ordered.find((t) => targetState(t, capacity, now) === "open") ?? null;
}

/**
 * A returning visitor keeps their group (already counted) while its QR still works, even when the
 * group has filled up since; an expired or removed QR sends them through the rule again.
 */
export function keepsPreviousTarget(t: RoutableTarget | undefined, now: Date): boolean {
  if (!t || !t.hasQr) return false;
  return !t.qrExpiresAt || t.qrExpiresAt.getTime() > now.getTime();
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
