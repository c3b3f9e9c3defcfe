import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listColumnGroups } from "@/lib/content/columns-queries";
import { communityTypeLabel } from "@/lib/positioning/format";
import { customTypeKey, PRESET_TYPE_KEYS } from "@/lib/positioning/presets";
import { listCommunityTypes } from "@/lib/positioning/queries";

/** The places a column can belong to: every community type (preset and own), then each group. */
export async function columnScopes(workspaceId: string) {
  const [t, custom, groups] = await Promise.all([getTranslations(), listCommunityTypes(getDb(), workspaceId), listColumnGroups(getDb(), workspaceId)]);
  const typeLabel = (key: string | null) => communityTypeLabel(key, t, custom);
  const types = [...PRESET_TYPE_KEYS.map((k) => k as string), ...custom.map((c) => customTypeKey(c.id))].map((k) => ({ value: `type:${k}`, label: typeLabel(k) }));
  return {
    types,
    groups: groups.map((g) => ({ value: `group:${g.id}`, label: g.name })),
    groupRows: groups,
    typeLabel,
  };
}
