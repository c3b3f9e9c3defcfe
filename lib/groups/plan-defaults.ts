import "server-only";
import type { DbOrTx } from "@/db/client";
import { getPlan } from "@/lib/positioning/queries";

/** What a group built from this plan starts with (the same rule the server applies on save). */
export async function planDefaults(db: DbOrTx, workspaceId: string, plans: { id: string; name: string }[]) {
  return Promise.all(
    plans.map(async (p) => {
      const plan = await getPlan(db, { workspaceId, planId: p.id });
      const a = plan?.answers;
      const type = a?.typeThreshold.communityType ?? null;
      const flash = type === "flash" || a?.fiveW1H.when.lifecycle === "flash";
      return { id: p.id, name: p.name, communityType: type, entryThreshold: a?.typeThreshold.threshold ?? null, plannedEnd: flash ? (a?.fiveW1H.when.endDate ?? null) : null };
    }),
  );
}
