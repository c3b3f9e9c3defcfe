/**
 * The public landing page `/j/<slug>` as one small HTML document: no script, no framework
 * payload, inline CSS, so a phone on a weak connection shows the group QR at once.
 */
export type LandingTexts = {
  title: string;
  scanHint: string;
  saveHint: string;
  validUntil: string;
  fullTitle: string;
  fullBody: string;
  notFoundTitle: string;
  notFoundBody: string;
};

export type LandingView =
  | { kind: "group"; storeName: string; groupName: string; imageUrl: string; validUntil: string | null }
  | { kind: "full"; storeName: string }
  | { kind: "notFound" };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

const CSS =
  "body{margin:0;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;background:#fafaf9;color:#1c1917}" +
  "main{max-width:420px;margin:0 auto;padding:32px 20px;text-align:center}" +
  "h1{font-size:20px;margin:0 0 4px}p{margin:8px 0;font-size:15px;line-height:1.6}.muted{color:#57534e;font-size:13px}" +
  "img{display:block;width:100%;max-width:320px;height:auto;margin:20px auto;border-radius:8px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.1)}" +
  ".card{background:#fff;border:1px solid #e7e5e4;border-radius:12px;padding:24px 16px}";

function body(view: LandingView, t: LandingTexts): { title: string; html: string } {
  if (view.kind === "notFound") {
    return { title: t.notFoundTitle, html: `<div class="card"><h1>${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(t.notFoundBody)}</p></div>` };
  }
  const store = escapeHtml(view.storeName);
  if (view.kind === "full") {
    return {
      title: t.fullTitle,
      html: `<div class="card"><p class="muted">${store}</p><h1>${escapeHtml(t.fullTitle)}</h1><p>${escapeHtml(t.fullBody)}</p></div>`,
    };
  }
  const group = escapeHtml(view.groupName);
  const until = view.validUntil ? `<p class="muted">${escapeHtml(fill(t.validUntil, { day: view.validUntil }))}</p>` : "";
  return {
    title: view.groupName,
    html:
      `<div class="card"><p class="muted">${store}</p><h1>${escapeHtml(fill(t.title, { group: view.groupName }))}</h1>` +
      `<img src="${escapeHtml(view.imageUrl)}" alt="${group}" width="320" height="320">` +
      `<p>${escapeHtml(t.scanHint)}</p><p class="muted">${escapeHtml(t.saveHint)}</p>${until}</div>`,
  };
}

export function renderLanding(view: LandingView, t: LandingTexts, lang: string): string {
  const { title, html } = body(view, t);
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main>${html}</main></body></html>`
  );
}
