/** The fixed vocabularies of the positioning worksheets (DOMAIN.md §1). Labels live in messages/. */

export const BUSINESS_STEPS = ["acquire", "convert", "repurchase", "word_of_mouth", "franchise", "new_retail", "other"] as const;
export const PLATFORMS = ["wecom", "wechat", "other"] as const;
export const LIFECYCLES = ["long", "flash"] as const;
export const GENDERS = ["any", "female", "male"] as const;
export const CHANNELS = ["store", "mini_program", "official_account", "live_stream", "ads", "referral", "other"] as const;
export const PURPOSES = ["acquire", "sell", "repurchase", "brand", "research", "service", "franchise"] as const;
export const VALIDATION_METHODS = ["in_house", "expert", "partner", "agency"] as const;
export const THRESHOLDS = ["none", "paid", "invitation", "condition", "level", "purchase"] as const;
export const TIERS = ["traffic", "bestseller", "vip"] as const;

/** Preset community types and the business step each usually serves. */
export const PRESET_TYPES = {
  traffic: "acquire",
  conversion: "convert",
  fans: "word_of_mouth",
  flash: "convert",
  repurchase: "repurchase",
  content: "word_of_mouth",
  checkin: "repurchase",
} as const satisfies Record<string, (typeof BUSINESS_STEPS)[number]>;
export type PresetType = keyof typeof PRESET_TYPES;
export const PRESET_TYPE_KEYS = Object.keys(PRESET_TYPES) as PresetType[];

/** A plan's community type is a preset key or "custom:<id>" of the workspace's own type. */
export function customTypeKey(id: string): string {
  return `custom:${id}`;
}

export function isPresetType(key: string | null | undefined): key is PresetType {
  return !!key && key in PRESET_TYPES;
}

export const SHEETS = ["businessModel", "fiveW1H", "fiveElements", "sixQuestions", "statement", "typeThreshold", "products"] as const;
export type Sheet = (typeof SHEETS)[number];
