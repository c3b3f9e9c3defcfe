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

// Every request is a scan: never cached, never prerendered.
export const dynamic = "force-dynamic";

const VISITOR_COOKIE = "qy_v";
const VISITOR_MAX_AGE = 60 * 60 * 24 * 90;

function cookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
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
function language(request: Request): "zh-CN" | "en" {
  const chosen = cookie(request, "qy_locale");
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "zh-CN";
}

function clientIp(request: Request): string | null {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}

/**
 * The public landing page of a live code (no sign-in). A route handler rather than a page: it
 * renders one small HTML document without the console's layout, session or client bundle.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const lang = language(request);
  const texts = (lang === "en" ? en : zh).livePublic;
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" });
  if (!SLUG_RE.test(slug)) return new Response(renderLanding({ kind: "notFound" }, texts, lang), { status: 404, headers });
  const ip = clientIp(request);
  const known = cookie(request, VISITOR_COOKIE);
  const scan = await recordScan(getDb(), {
    slug,
    visitorId: isUuid(known) ? known : null,
    uaClass: classifyUserAgent(request.headers.get("user-agent")),
    ipHash: ip ? hashIp(ip) : null,
  });
  if (!scan.found) return new Response(renderLanding({ kind: "notFound" }, texts, lang), { status: 404, headers });
  headers.append("Set-Cookie", `${VISITOR_COOKIE}=${scan.visitorId}; Path=/j/; Max-Age=${VISITOR_MAX_AGE}; HttpOnly; SameSite=Lax`);
  const view: LandingView = scan.target
    ? {
        kind: "group",
        storeName: scan.storeName,
        groupName: scan.target.groupName,
        imageUrl: `/j/${slug}/qr/${scan.target.uploadId}`,
        validUntil: scan.target.expiresAt ? dayFromExpiresAt(scan.target.expiresAt, scan.timeZone) : null,
      }
    : { kind: "full", storeName: scan.storeName };
  return new Response(renderLanding(view, texts, lang), { status: 200, headers });
}
