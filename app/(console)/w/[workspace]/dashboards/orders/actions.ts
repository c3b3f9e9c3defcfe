"use server";

import { z } from "zod";
import { workspaceAction } from "@/lib/action";
import { importOrders } from "@/lib/orders/import";
import { workspaceTimeZone } from "@/lib/workspaces/queries";

const MAX_BYTES = 900 * 1024; // under the server actions' 1 MB body limit

const importOrdersSchema = z.object({
  file: z
    .instanceof(File, { message: "validation.required" })
    .refine((f) => f.size > 0, "validation.required")
    .refine((f) => f.size <= MAX_BYTES, "ordersImport.tooLarge"),
});

export const importOrdersAction = workspaceAction(
  { role: "operator", schema: importOrdersSchema, revalidate: "dashboards/orders" },
  async ({ db, workspaceId }, { file }) => {
    // Times without an offset in the file are the workspace's local time.
    const timeZone = await workspaceTimeZone(db, workspaceId);
    return importOrders(db, { workspaceId, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), timeZone });
  },
  (i, d) => ({ action: "orders.import", targetType: "workspace", data: { file: i.file.name, rows: d.rows, created: d.created, duplicates: d.duplicates, conflicts: d.conflicts.length, problems: d.problems.length } }),
);
