import vm from "node:vm";
import { z } from "zod";

export const MODERATION_KINDS = ["keyword", "link", "qrcode", "phone", "red_packet", "pattern", "flood"] as const;
export type ModerationKind = (typeof MODERATION_KINDS)[number];
export const MODERATION_ACTIONS = ["warn", "remove"] as const;

/** How long one user-written pattern may run on one message before it counts as not matching. */
export const PATTERN_TIMEOUT_MS = 50;

/**
 * Built-in detectors, written here so they are known to run in linear time. A QR code or a red
 * packet reaches a text log as WeChat's placeholder ("[二维码]", "[红包]") or as an invitation to
 * add someone elsewhere.
 */
const BUILT_IN: Record<"link" | "qrcode" | "phone" | "red_packet", RegExp> = {
  link: /(https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(com|cn|net|top|xyz|cc|vip|shop)\b/i,
  qrcode: /\[(二维码|QR)\]|扫码加|扫我|加我(微信|vx|v)|(vx|v信|wx|微信号)[::]?\s*[a-z0-9_-]{5,}/i,
  phone: /(?<!\d)1[3-9]\d{9}(?!\d)/,
  red_packet: /\[(红包|转账)\]|发红包|抢红包/,
};

export const ruleConfigSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("keyword"), keywords: z.array(z.string().trim().min(1).max(30)).min(1, "validation.required").max(100, "validation.tooMany") }),
  z.object({ kind: z.literal("link") }),
  z.object({ kind: z.literal("qrcode") }),
  z.object({ kind: z.literal("phone") }),
  z.object({ kind: z.literal("red_packet") }),
  z.object({ kind: z.literal("pattern"), pattern: z.string().min(1, "validation.required").max(200, "validation.tooLong").refine(compiles, "validation.badPattern") }),
  z.object({
    kind: z.literal("flood"),
    maxMessages: z.coerce.number().int().min(1, "validation.ruleRange").max(100, "validation.ruleRange"),
    windowSeconds: z.coerce.number().int().min(1, "validation.ruleRange").max(3600, "validation.ruleRange"),
  }),
]);
export type RuleConfig = z.infer<typeof ruleConfigSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "iu");
    return true;
  } catch {
    return false;
  }
}

/**
 * Run a user's pattern with a deadline: a catastrophic pattern such as (a+)+$ is stopped by the
 * VM's watchdog instead of holding the server, and is treated as no match.
 */
export function safeTest(pattern: string, text: string): { matched: boolean; timedOut: boolean } {
  try {
    const matched = vm.runInNewContext("new RegExp(p, 'iu').test(t)", { p: pattern, t: text }, { timeout: PATTERN_TIMEOUT_MS }) as boolean;
    return { matched, timedOut: false };
  } catch (error) {
    const timedOut = error instanceof Error && /timed out/i.test(error.message);
    return { matched: false, timedOut };
  }
}

export type TestableRule = { id: string; name: string; config: RuleConfig; action: (typeof MODERATION_ACTIONS)[number]; warningText: string };
export type Verdict = { ruleId: string; name: string; action: "warn" | "remove"; reply: string; reason: string };

/** Which rules a message (and its sender's recent message count) trips, strictest first. */
export function testMessage(rules: TestableRule[], msg: { text: string; recentCount: number; sender?: string }): { verdicts: Verdict[]; timedOut: string[] } {
  const verdicts: Verdict[] = [];
  const timedOut: string[] = [];
  for (const rule of rules) {
    const c = rule.config;
    let reason: string | null = null;
    if (c.kind === "keyword") reason = c.keywords.find((k) => msg.text.toLowerCase().includes(k.toLowerCase())) ?? null;
    else if (c.kind === "pattern") {
      const r = safeTest(c.pattern, msg.text);
      if (r.timedOut) timedOut.push(rule.id);
      reason = r.matched ? c.pattern : null;
    } else if (c.kind === "flood") reason = msg.recentCount + 1 > c.maxMessages ? `${msg.recentCount + 1} > ${c.maxMessages} / ${c.windowSeconds}s` : null;
    else reason = msg.text.match(BUILT_IN[c.kind])?.[0] ?? null;
    if (reason !== null) {
      verdicts.push({ ruleId: rule.id, name: rule.name, action: rule.action, reason, reply: rule.warningText.replaceAll("%NICKNAME%", msg.sender ?? "") });
    }
  }
  verdicts.sort((a, b) => (a.action === b.action ? 0 : a.action === "remove" ? -1 : 1));
  return { verdicts, timedOut };
}
