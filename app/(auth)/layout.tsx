import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-xl font-semibold text-emerald-800">{t("appName")}</p>
        <LanguageSwitch />
      </div>
      {children}
      <p className="mt-8 text-xs text-stone-500">{t("tagline")}</p>
    </main>
  );
}
