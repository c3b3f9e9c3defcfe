import "server-only";
import type { DbOrTx } from "@/db/client";
import { communityTypeLabel, type Translate } from "@/lib/positioning/format";
import { customTypeKey, PRESET_TYPE_KEYS } from "@/lib/positioning/presets";
import { listCommunityTypes } from "@/lib/positioning/queries";

/** Community types a template can be meant for: the presets and the workspace's own. */
export async function communityTypeOptions(db: DbOrTx, workspaceId: string, t: Translate) {
  const custom = await listCommunityTypes(db, workspaceId);
  const options = [
    ...PRESET_TYPE_KEYS.map((k) => ({ value: k as string, label: communityTypeLabel(k, t, custom) })),
    ...custom.map((c) => ({ value: customTypeKey(c.id), label: c.name })),
  ];
  return { options, label: (key: string | null) => communityTypeLabel(key, t, custom) };
}
