import "server-only";
import { getDb } from "@/db/client";
import { hashIp } from "@/lib/auth/credentials";
import { isUuid } from "@/lib/ids";
import { dayFromExpiresAt } from "@/lib/livecodes/dates";
import { renderLanding, type LandingView } from "@/lib/livecodes/landing";
import { classifyUserAgent } from "@/lib/livecodes/routing";
import { recordScan } from "@/lib/livecodes/scan";
import { SLUG_RE } from "@/lib/livecodes/schema";
import en from "@/messages/livecodes.en.json";
import zh from "@/messages/livecodes.zh-CN.json";

/**
 * The public landing page of a live code, `/j/<slug>`, with no framework types: the Next route
 * handler (`npm run dev`) and the production server's fast path (lib/server/http.ts) both answer
 * with this, so the page, its cookie and its scan are the same whichever of them serves it.
 */
export type LivePageAnswer = { status: number; headers: Record<string, string>; body: string };

/** A request header by its lower-case name. */
export type HeaderOf = (name: string) => string | null | undefined;

const VISITOR_COOKIE = "qy_v";
const VISITOR_MAX_AGE = 60 * 60 * 24 * 90;

function cookie(header: HeaderOf, name: string): string | undefined {
  for (const part of (header("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // a mangled cookie is no cookie, not a server error
    }
  }
  return undefined;
}

/** The console's language switch cookie first, then the phone's language; Chinese by default. */
function language(header: HeaderOf): "zh-CN" | "en" {
  const chosen = cookie(header, "qy_locale");
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  return /^\s*en\b/i.test(header("accept-language") ?? "") ? "en" : "zh-CN";
}

function clientIp(header: HeaderOf): string | null {
  return header("x-forwarded-for")?.split(",")[0]?.trim() || header("x-real-ip") || null;
}

function baseHeaders(): Record<string, string> {
  return { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };
}

/** Every call is a scan (recorded before it returns) unless the slug is unknown. */
export async function answerLivePage(slug: string, header: HeaderOf): Promise<LivePageAnswer> {
  const lang = language(header);
  const texts = (lang === "en" ? en : zh).livePublic;
  const headers = baseHeaders();
  if (!SLUG_RE.test(slug)) return { status: 404, headers, body: renderLanding({ kind: "notFound" }, texts, lang) };
  const ip = clientIp(header);
  const known = cookie(header, VISITOR_COOKIE);
  const scan = await recordScan(getDb(), {
    slug,
    visitorId: isUuid(known) ? known : null,
    uaClass: classifyUserAgent(header("user-agent")),
    ipHash: ip ? hashIp(ip) : null,
  });
  if (!scan.found) return { status: 404, headers, body: renderLanding({ kind: "notFound" }, texts, lang) };
  headers["Set-Cookie"] = `${VISITOR_COOKIE}=${scan.visitorId}; Path=/j/; Max-Age=${VISITOR_MAX_AGE}; HttpOnly; SameSite=Lax`;
  const view: LandingView = scan.target
    ? {
        kind: "group",
        storeName: scan.storeName,
        groupName: scan.target.groupName,
        imageUrl: `/j/${slug}/qr/${scan.target.uploadId}`,
        validUntil: scan.target.expiresAt ? dayFromExpiresAt(scan.target.expiresAt, scan.timeZone) : null,
      }
    : { kind: "full", storeName: scan.storeName };
  return { status: 200, headers, body: renderLanding(view, texts, lang) };
}
