"use server";

import { workspaceAction } from "@/lib/action";
import { emptySchema } from "@/lib/dispatch/schema";
import { windowSchema } from "@/lib/orders/schema";
import { rotateOrdersSecret, setAttributionWindow } from "@/lib/orders/settings";

/** A new order secret; in the answer once, never in the audit row. The old one stops working at once. */
export const rotateOrdersSecretAction = workspaceAction(
  { role: "owner", schema: emptySchema, revalidate: "dashboards/setup" },
  async ({ db, workspaceId }) => ({ secret: await rotateOrdersSecret(db, workspaceId) }),
  () => ({ action: "orders.rotate_secret", targetType: "workspace" }),
);

export const saveAttributionWindowAction = workspaceAction(
  { role: "owner", schema: windowSchema, revalidate: "dashboards/setup" },
  async ({ db, workspaceId }, input) => {
    await setAttributionWindow(db, workspaceId, input.attributionWindowDays);
    return null;
  },
  (i) => ({ action: "orders.window_save", targetType: "workspace", data: { days: i.attributionWindowDays } }),
);
