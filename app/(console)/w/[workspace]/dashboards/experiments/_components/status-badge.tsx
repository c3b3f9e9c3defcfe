import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";

export function StatusBadge({ status }: { status: "draft" | "running" | "decided" | "stopped" }) {
  const t = useTranslations("experiments.statuses");
  return <Badge tone={status === "running" ? "amber" : status === "decided" ? "emerald" : "stone"}>{t(status)}</Badge>;
}
