import { getDb, closeDb } from "../db/client";
import { funnelBreakdown, postRanking } from "../lib/dashboards/queries";
import { sql } from "drizzle-orm";
const db = getDb();
const [w] = await db.execute<{ id: string }>(sql`select id from workspaces limit 1`);
const range = { from: "2026-09-02", to: "2026-11-30" };
for (let i = 0; i < 12; i++) {
  let t = performance.now();
  await funnelBreakdown(db, w!.id, range, "post");
  const a = performance.now() - t;
  t = performance.now();
  await postRanking(db, w!.id, range, { limit: 20, offset: 0 });
  console.log(a.toFixed(1), (performance.now() - t).toFixed(1));
}
await closeDb();
