import { isPresetType } from "./presets";
import type { Answers } from "./schema";

/** A translator as next-intl hands it out (server or client), loosened to plain keys. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type CustomTypes = { id: string; name: string }[];

const OPTION_GROUPS: Record<string, string> = {
  "businessModel.step": "businessSteps",
  "fiveW1H.where.platform": "platforms",
  "fiveW1H.when.lifecycle": "lifecycles",
  "fiveElements.targetUsers.gender": "genders",
  "fiveElements.channels": "channels",
  "sixQuestions.purposes": "purposes",
  "sixQuestions.validation.methods": "validationMethods",
  "typeThreshold.threshold": "thresholds",
};

export function yuan(cents: number): string {
  return `¥${(cents / 100).toFixed(2).replace(/\.00$/, "")}`;
}

export function communityTypeLabel(key: string | null, t: Translate, custom: CustomTypes): string {
  if (!key) return "";
  if (isPresetType(key)) return t(`positioning.options.types.${key}`);
  return custom.find((c) => `custom:${c.id}` === key)?.name ?? t("positioning.unknownType");
}

/** One worksheet answer as a person reads it, in the UI language. Empty answers become "". */
export function formatValue(path: string, value: unknown, t: Translate, custom: CustomTypes = []): string {
  if (value === null || value === undefined || value === "") return "";
  if (path === "products") {
    return (value as Answers["products"])
      .map((p) =>
        [p.name, t(`positioning.options.tiers.${p.tier}`), p.priceCents === null ? "" : yuan(p.priceCents), p.isEntry ? t("positioning.entryProduct") : ""]
          .filter(Boolean)
          .join(" · "),
      )
      .join("\n");
  }
  if (path === "typeThreshold.communityType") return communityTypeLabel(value as string, t, custom);
  if (path === "fiveElements.entry.paid") return t(value ? "positioning.paid" : "positioning.free");
  if (path.endsWith("priceCents")) return yuan(value as number);
  const group = OPTION_GROUPS[path];
  const label = (v: unknown) => (group ? t(`positioning.options.${group}.${String(v)}`) : String(v));
  if (Array.isArray(value)) return value.map(label).join("、");
  return label(value);
}

export function fieldLabel(path: string, t: Translate): string {
  return t(`positioning.fields.${path}`);
}
