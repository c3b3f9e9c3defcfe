import { originFrom } from "@/lib/livecodes/public-url";

/**
 * Where `/r/<code>` is served: QUNYUN_PUBLIC_URL when set (what members' phones reach, e.g.
 * https://qy.example.com), else the origin the console is used at, else — for the worker, which
 * has no request — the local server (set QUNYUN_PUBLIC_URL in production).
 */
export function publicBaseUrl(headers?: Headers | null): string {
  const configured = process.env.QUNYUN_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  if (headers) return originFrom(headers);
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export function trackedUrl(base: string, code: string): string {
  return `${base}/r/${code}`;
}
