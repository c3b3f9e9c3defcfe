import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { LOCALES, type Locale } from "@/lib/users/schema";
import { MESSAGE_AREAS } from "./areas";

export const LOCALE_COOKIE = "qy_locale";
export const DEFAULT_LOCALE: Locale = "zh-CN";

function asLocale(value: string | undefined): Locale | undefined {
  return LOCALES.find((l) => l === value);
}

/** A signed-in user's own choice wins; before sign-in the cookie set by the switcher does. */
async function resolveLocale(): Promise<Locale> {
  const session = await getSession().catch(() => null);
  return asLocale(session?.user.locale) ?? asLocale((await cookies()).get(LOCALE_COOKIE)?.value) ?? DEFAULT_LOCALE;
}

const SHARED_NAMESPACES = ["errors", "validation"];
type Messages = Record<string, Record<string, unknown>>;

/** Areas may add their own keys to the shared `errors` and `validation` namespaces. */
export function mergeMessages(core: Messages, areas: Messages[]): Messages {
  const merged: Messages = { ...core };
  for (const area of areas) {
    for (const [ns, value] of Object.entries(area)) merged[ns] = SHARED_NAMESPACES.includes(ns) ? { ...merged[ns], ...value } : value;
  }
  return merged;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const areas = await Promise.all(MESSAGE_AREAS.map(async (area) => (await import(`../messages/${area}.${locale}.json`)).default));
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: mergeMessages((await import(`../messages/${locale}.json`)).default, areas),
  };
});
