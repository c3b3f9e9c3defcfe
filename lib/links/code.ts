import { randomInt } from "node:crypto";

/**
 * Short codes of tracked links (`/r/<code>`): 7 characters of base62 from a CSPRNG, about 3.5e12
 * codes, so guessing a live one is hopeless and a collision on insert is rare enough to retry.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const CODE_LENGTH = 7;
export const LINK_CODE_RE = /^[0-9A-Za-z]{4,16}$/;

export function newLinkCode(length = CODE_LENGTH): string {
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** http(s) URLs in free text, up to the first space, CJK character or closing bracket/quote. */
const URL_IN_TEXT = /https?:\/\/[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef<>"'()（）【】「」]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?。，；：！？]+$/;

export function urlsInText(text: string): string[] {
  const found = (text.match(URL_IN_TEXT) ?? []).map((u) => u.replace(TRAILING_PUNCTUATION, ""));
  return [...new Set(found)].filter(isHttpUrl);
}

export function isHttpUrl(raw: string | null | undefined): raw is string {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * The destination a post's tracked link points to: the variant's link (a link-format post) when
 * it is set, else the first http(s) URL written in the post's text. One link per post × group ×
 * variant, so later URLs in the text stay as written.
 */
export function destinationOf(content: { linkUrl: string | null; text: string }): string | null {
  if (isHttpUrl(content.linkUrl?.trim())) return content.linkUrl!.trim();
  return urlsInText(content.text)[0] ?? null;
}

/**
 * The text an operator copies: the destination replaced by the tracked URL wherever it is
 * written; a variant link that the text does not mention goes on its own last line.
 */
export function textWithTrackedUrl(text: string, destination: string | null, trackedUrl: string | null): string {
  if (!destination || !trackedUrl) return text;
  if (text.includes(destination)) return text.split(destination).join(trackedUrl);
  return text.trim() ? `${text.replace(/\s+$/, "")}\n${trackedUrl}` : trackedUrl;
}
