import { isIP } from "node:net";

/**
 * What kind of address an IP literal is, for the outbound rule: only `public` may be reached
 * from the server. Pure (no DNS), so it is unit-tested on its own.
 */
export type AddressKind =
  | "public"
  | "private"
  | "loopback"
  | "linkLocal"
  | "cgnat"
  | "multicast"
  | "unspecified"
  | "reserved"
  | "uniqueLocal"
  | "invalid";

type V4Range = [a: number, b: number, c: number, d: number, bits: number, kind: AddressKind];

// Ordered from specific to broad where they overlap; the first match wins.
const V4_RANGES: V4Range[] = [
  [0, 0, 0, 0, 8, "unspecified"], // "this network"; 0.0.0.0 reaches the local host on Linux
  [10, 0, 0, 0, 8, "private"],
  [100, 64, 0, 0, 10, "cgnat"],
  [127, 0, 0, 0, 8, "loopback"],
  [169, 254, 0, 0, 16, "linkLocal"], // includes cloud metadata 169.254.169.254
  [172, 16, 0, 0, 12, "private"],
  [192, 0, 0, 0, 24, "reserved"], // IETF protocol assignments
  [192, 0, 2, 0, 24, "reserved"], // TEST-NET-1
  [192, 88, 99, 0, 24, "reserved"], // 6to4 relay anycast
  [192, 168, 0, 0, 16, "private"],
  [198, 18, 0, 0, 15, "reserved"], // benchmarking
  [198, 51, 100, 0, 24, "reserved"], // TEST-NET-2
  [203, 0, 113, 0, 24, "reserved"], // TEST-NET-3
  [224, 0, 0, 0, 4, "multicast"],
  [240, 0, 0, 0, 4, "reserved"], // includes 255.255.255.255 broadcast
];

function v4Bytes(ip: string): number[] | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function classifyV4(bytes: number[]): AddressKind {
  const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  for (const [a, b, c, d, bits, kind] of V4_RANGES) {
    const base = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return kind;
  }
  return "public";
}

/** 16 bytes of an IPv6 literal (with `::` and an optional dotted IPv4 tail), or null. */
export function v6Bytes(input: string): number[] | null {
  let ip = input.replace(/^\[|\]$/g, "");
  const zone = ip.indexOf("%");
  if (zone >= 0) ip = ip.slice(0, zone);
  let tail: number[] = [];
  const lastColon = ip.lastIndexOf(":");
  if (ip.slice(lastColon + 1).includes(".")) {
    const v4 = v4Bytes(ip.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    ip = `${ip.slice(0, lastColon + 1)}0:0`; // two placeholder groups, replaced below
  }
  const halves = ip.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function classifyV6(b: number[]): AddressKind {
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(16)) return "unspecified";
  if (zeroUpTo(15) && b[15] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): the IPv4 decides.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12));
  if (zeroUpTo(12)) return classifyV4(b.slice(12)) === "public" ? "reserved" : classifyV4(b.slice(12));
  // NAT64 (64:ff9b::/96) reaches the embedded IPv4.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0)) return classifyV4(b.slice(12));
  // 6to4 (2002::/16) carries an IPv4 in bytes 2–5.
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.slice(2, 6));
  if (b[0] === 0xff) return "multicast";
  if ((b[0]! & 0xfe) === 0xfc) return "uniqueLocal"; // fc00::/7
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return "linkLocal"; // fe80::/10
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return "private"; // fec0::/10, deprecated site-local
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return "reserved"; // documentation
  if (b[0] === 0x01 && zeroUpTo(8)) return "reserved"; // 100::/64 discard-only
  return "public";
}

/** Classifies an IPv4 or IPv6 literal (brackets and zone ids allowed); anything else is "invalid". */
export function classifyAddress(ip: string): AddressKind {
  const bare = ip.replace(/^\[|\]$/g, "");
  const family = isIP(bare.split("%")[0] ?? "");
  if (family === 4) {
    const bytes = v4Bytes(bare);
    return bytes ? classifyV4(bytes) : "invalid";
  }
  if (family === 6) {
    const bytes = v6Bytes(bare);
    return bytes ? classifyV6(bytes) : "invalid";
  }
  return "invalid";
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === "public";
}
