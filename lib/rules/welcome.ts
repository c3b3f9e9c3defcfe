import { z } from "zod";

/** The five parts of a welcome message with the group rules (DOMAIN.md §2), in WeChat order. */
export const WELCOME_PARTS = ["card", "services", "help", "forbidden", "allowed"] as const;
export type WelcomePart = (typeof WELCOME_PARTS)[number];

const part = z.string().trim().max(300, "validation.tooLong");

export const welcomeContentSchema = z.object({
  greeting: z.string().trim().max(100, "validation.tooLong"),
  parts: z.object({ card: part, services: part, help: part, forbidden: part, allowed: part }),
  questionnaire: z
    .array(
      z.object({
        question: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
        options: z
          .array(z.object({ label: z.string().trim().min(1, "validation.required").max(30, "validation.tooLong"), tag: z.string().trim().max(30, "validation.tooLong") }))
          .min(2, "validation.twoOptions")
          .max(6, "validation.tooMany"),
      }),
    )
    .max(5, "validation.tooMany"),
});
export type WelcomeContent = z.infer<typeof welcomeContentSchema>;

export function emptyWelcome(): WelcomeContent {
  return { greeting: "欢迎 %NICKNAME% 进群!", parts: { card: "", services: "", help: "", forbidden: "", allowed: "" }, questionnaire: [] };
}

/** The message as WeChat shows it: one paragraph per filled part, blank lines between them. */
export function renderWelcome(c: WelcomeContent, nickname = "%NICKNAME%"): string[] {
  return [c.greeting, ...WELCOME_PARTS.map((p) => c.parts[p])].map((s) => s.replaceAll("%NICKNAME%", nickname).trim()).filter(Boolean);
}

/**
 * One phone screen: a chat bubble on a 375-pt-wide phone holds about 18 Chinese characters a
 * line, and about 15 lines are visible above the keyboard. A Latin letter counts as half.
 */
export const SCREEN = { charsPerLine: 18, lines: 15, chars: 300 } as const;

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return w;
}

export function screenFit(paragraphs: string[]) {
  const lines =
    paragraphs.reduce((sum, p) => sum + p.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(width(line) / SCREEN.charsPerLine)), 0), 0) +
    Math.max(0, paragraphs.length - 1); // the blank line between paragraphs
  const chars = paragraphs.reduce((n, p) => n + [...p].length, 0);
  return { lines, chars, fits: lines <= SCREEN.lines && chars <= SCREEN.chars };
}

/** A first draft from the group's positioning plan, short enough to fit one screen. */
export function welcomeFromPlan(plan: { name: string; statement: string }): WelcomeContent {
  return {
    greeting: `欢迎 %NICKNAME% 加入「${plan.name}」!`,
    parts: {
      card: "进群请改群昵称:名字-小区",
      services: plan.statement,
      help: "有问题 @群主 或私聊客服",
      forbidden: "禁发广告、链接、二维码和红包;提醒一次后移出群聊",
      allowed: "欢迎分享心得、提问、参加群活动",
    },
    questionnaire: [],
  };
}
