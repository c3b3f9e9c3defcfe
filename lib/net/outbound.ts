import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { classifyAddress, type AddressKind } from "./address";

/**
 * Requests the server makes to URLs that users typed (webhooks now, data exports later). The
 * rule: http(s) only, no credentials in the URL, and the host must resolve only to public
 * addresses. It is checked when the URL is saved AND again when connecting, through a custom
 * DNS lookup on the socket, so a name that resolves to a public address at save time and to
 * 127.0.0.1 later (DNS rebinding) is still refused. Redirects are never followed.
 *
 * QUNYUN_OUTBOUND_ALLOW_PRIVATE=1 lifts the address rule for a whole process: for local
 * development and for tests that run their own receiver on 127.0.0.1 only. Never set it in
 * production. Code can also pass `allowPrivate` explicitly (tests and the benchmark do).
 */
export type OutboundRefusal = "invalid" | "scheme" | "credentials" | "private" | "unresolvable";

export class OutboundRefusedError extends Error {
  constructor(
    readonly reason: OutboundRefusal,
    readonly detail = "",
  ) {
    super(`outbound request refused (${reason}${detail ? `: ${detail}` : ""})`);
    this.name = "OutboundRefusedError";
  }
}

export type OutboundOptions = { allowPrivate?: boolean };

export function allowPrivateOutbound(opts: OutboundOptions = {}): boolean {
  return opts.allowPrivate ?? process.env.QUNYUN_OUTBOUND_ALLOW_PRIVATE === "1";
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

function refusedAddress(addresses: { address: string }[]): { address: string; kind: AddressKind } | undefined {
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public") return { address, kind };
  }
  return undefined;
}

/** The URL's syntax and scheme, without DNS. */
export function parseOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new OutboundRefusedError("invalid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefusedError("scheme", url.protocol);
  if (url.username || url.password) throw new OutboundRefusedError("credentials");
  if (!url.hostname) throw new OutboundRefusedError("invalid");
  return url;
}

/**
 * The save-time check: the URL's form, then every address its host resolves to. Returns the
 * normalised URL; throws OutboundRefusedError.
 */
export async function checkOutboundUrl(raw: string, opts: OutboundOptions = {}): Promise<URL> {
  const url = parseOutboundUrl(raw);
  if (allowPrivateOutbound(opts)) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string }[];
  if (isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await resolveAll(host);
    } catch (error) {
      throw new OutboundRefusedError("unresolvable", (error as NodeJS.ErrnoException).code ?? "");
    }
  }
  const bad = refusedAddress(addresses);
  if (bad) throw new OutboundRefusedError("private", `${bad.address} (${bad.kind})`);
  return url;
}

/** The connect-time check: a `lookup` for sockets that refuses non-public answers. */
export function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        const bad = allowPrivate ? undefined : refusedAddress(addresses);
        if (bad) return callback(new OutboundRefusedError("private", `${hostname} → ${bad.address} (${bad.kind})`), "", 4);
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (!wanted.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

// Separate pools: a socket opened under the test-only exemption is never reused by a checked request.
const agents = {
  checked: { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) },
  exempt: { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) },
};

export type OutboundResponse = { status: number; body: string };

/**
 * POSTs `body` and answers the status and the first 2 KB of the response. Network failures,
 * timeouts and refused addresses reject (OutboundRefusedError for the address rule).
 */
export async function postOutbound(
  raw: string,
  request: { body: string; headers: Record<string, string>; timeoutMs: number },
  opts: OutboundOptions = {},
): Promise<OutboundResponse> {
  const url = parseOutboundUrl(raw);
  const allowPrivate = allowPrivateOutbound(opts);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Sockets skip `lookup` for IP literals, so those are checked here.
  if (isIP(host) && !allowPrivate) {
    const kind = classifyAddress(host);
    if (kind !== "public") throw new OutboundRefusedError("private", `${host} (${kind})`);
  }
  const client = url.protocol === "https:" ? https : http;
  const pool = allowPrivate ? agents.exempt : agents.checked;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(request.body)), ...request.headers },
        lookup: safeLookup(allowPrivate),
        agent: url.protocol === "https:" ? pool.https : pool.http,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < 2048) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, 2048).toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`timed out after ${Math.round(request.timeoutMs / 1000)} s`), { code: "ETIMEDOUT" })), request.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(request.body);
  });
}
