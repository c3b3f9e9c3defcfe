import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { newId } from "@/lib/ids";

export type AuditInput = {
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

export async function writeAudit(
  db: DbOrTx,
  workspaceId: string,
  actorUserId: string | null,
  entry: AuditInput,
): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId,
    id: newId(),
    actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    data: entry.data ?? {},
  });
}
