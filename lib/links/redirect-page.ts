import "server-only";
import { escapeHtml } from "@/lib/livecodes/landing";
import en from "@/messages/links.en.json";
import zh from "@/messages/links.zh-CN.json";
import { recordClick, newVisitorId } from "./click";
import { isHttpUrl } from "./code";

/**
 * `/r/<code>` with no framework types: the Next route handler (`npm run dev`) and the production
 * server's fast path both answer with this, so the redirect, its cookie and its click are the
 * same whichever serves it.
 */
export type RedirectAnswer = { status: number; headers: Record<string, string>; body: string };
export type HeaderOf = (name: string) => string | null | undefined;

export const VISITOR_COOKIE = "qy_r";
const VISITOR_MAX_AGE = 60 * 60 * 24 * 365;
const VISITOR_RE = /^[0-9a-f-]{36}$/i;

function cookie(header: HeaderOf, name: string): string | undefined {
  for (const part of (header("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

function language(header: HeaderOf): "zh-CN" | "en" {
  const chosen = cookie(header, "qy_locale");
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  return /^\s*en\b/i.test(header("accept-language") ?? "") ? "en" : "zh-CN";
}

const CSS =
  "body{margin:0;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;background:#fafaf9;color:#1c1917}" +
  "main{max-width:420px;margin:0 auto;padding:32px 20px;text-align:center}h1{font-size:20px;margin:0 0 8px}p{margin:8px 0;font-size:15px;line-height:1.6}" +
  ".card{background:#fff;border:1px solid #e7e5e4;border-radius:12px;padding:24px 16px}";

export function renderNotFound(lang: "zh-CN" | "en"): string {
  const t = (lang === "en" ? en : zh).linkPublic;
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(t.notFoundTitle)}</title><style>${CSS}</style></head>` +
    `<body><main><div class="card"><h1>${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(t.notFoundBody)}</p></div></main></body></html>`
  );
}

/** Every call with a known code is a click, recorded before the 302 is returned. */
export async function answerRedirect(code: string, header: HeaderOf): Promise<RedirectAnswer> {
  const known = cookie(header, VISITOR_COOKIE);
  const visitorId = known && VISITOR_RE.test(known) ? known : newVisitorId();
  const click = await recordClick(code, visitorId);
  if (!click.found || !isHttpUrl(click.destination)) {
    const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    return { status: 404, headers, body: renderNotFound(language(header)) };
  }
  const headers: Record<string, string> = { Location: click.destination, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer-when-downgrade" };
  if (visitorId !== known) headers["Set-Cookie"] = `${VISITOR_COOKIE}=${visitorId}; Path=/r/; Max-Age=${VISITOR_MAX_AGE}; HttpOnly; SameSite=Lax`;
  return { status: 302, headers, body: "" };
}
