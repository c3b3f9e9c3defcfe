/**
 * The live code's public address, printed on posters. It uses the origin the console is being
 * used at (behind a proxy, its forwarded host), so a poster made from the console points back
 * to the same site.
 */
export function originFrom(headers: Headers): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto.split(",")[0]}://${host.split(",")[0]}`;
}

export function liveCodeUrl(origin: string, slug: string): string {
  return `${origin}/j/${slug}`;
}
