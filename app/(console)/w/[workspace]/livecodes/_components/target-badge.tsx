import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TargetView } from "@/lib/livecodes/queries";

/** How a target stands for routing, in words; the colour only repeats what the word says. */
export async function TargetBadge({ target }: { target: Pick<TargetView, "state" | "expiresSoon"> }) {
  const t = await getTranslations("liveCodes");
  if (target.state === "open" && target.expiresSoon) return <Badge tone="amber">{t("expiringBadge")}</Badge>;
  const label = { open: t("openBadge"), full: t("fullBadge"), expired: t("expiredBadge"), noQr: t("noQrBadge") }[target.state];
  return <Badge tone={target.state === "open" ? "emerald" : "amber"}>{label}</Badge>;
}
