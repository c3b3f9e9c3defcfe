"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(auth)/actions";

const LABELS = { "zh-CN": "简体中文", en: "English" } as const;

export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-stone-600">
      <span>{t("language")}</span>
      <select
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as keyof typeof LABELS;
          startTransition(async () => {
            await setLocaleAction(null, { locale: next });
            router.refresh();
          });
        }}
      >
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
