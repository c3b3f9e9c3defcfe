import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workspaces } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

/** The zone every run of the workspace is written in (workspaces.time_zone, Asia/Shanghai by default). */
export async function workspaceTimeZone(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw new NotFoundError();
  return row.timeZone;
}
