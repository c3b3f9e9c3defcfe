import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import type { Session } from "@/lib/auth/session";
import { ensurePostLinks } from "@/lib/links/links";
import { addLinkPost, linkWorkspace } from "@/lib/links/testing";
import { sessionFor } from "@/lib/testing/fixtures";

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { importOrdersAction } = await import("./actions");
const { rotateOrdersSecretAction, saveAttributionWindowAction } = await import("../setup/actions");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

function form(name: string, content: string | Uint8Array) {
  const data = new FormData();
  data.set("file", new File([content as BlobPart], name));
  return data;
}

const orders = (workspaceId: string) =>
  getDb().execute<{ external_id: string; amount_cents: string; occurred_at: string; attribution: string; source: string; member_id: string | null }>(
    sql`select external_id, amount_cents, occurred_at, attribution::text, source::text, member_id from orders where workspace_id = ${workspaceId} order by external_id`,
  );

describe("order import", () => {
  it("imports a CSV export idempotently: the same file twice adds nothing, changed rows are conflicts, bad rows are reported", async () => {
    const ws = await linkWorkspace("import-csv", [2]);
    const postId = await addLinkPost(ws.workspaceId, ws.groupIds[0]!);
    const code = (await ensurePostLinks(getDb(), { workspaceId: ws.workspaceId, postIds: [postId] })).get(postId)!.code;
    current.session = await sessionFor(ws.operator);
    const csv = ["订单号,金额,下单时间,会员手机号,链接码", `IMP-1,¥129.90,2026-11-28 20:15,13900000000,${code}`, "IMP-2,59,2026-11-28 21:00,,", "IMP-3,abc,2026-11-28 21:00,,", ",10,2026-11-28 21:00,,", "IMP-4,10,不是时间,,"].join("\n");
    const first = await importOrdersAction(ws.workspaceId, null, form("orders.csv", csv));
    expect(first).toMatchObject({ ok: true, data: { rows: 5, created: 2, duplicates: 0, conflicts: [] } });
    expect(first.ok && first.data.problems).toEqual([
      { rowNumber: 4, problem: "amount_invalid" },
      { rowNumber: 5, problem: "order_id_missing" },
      { rowNumber: 6, problem: "time_invalid" },
    ]);
    const again = await importOrdersAction(ws.workspaceId, null, form("orders.csv", csv.replace("IMP-2,59", "IMP-2,60")));
    expect(again).toMatchObject({ ok: true, data: { created: 0, duplicates: 1, conflicts: [{ rowNumber: 3, externalId: "IMP-2" }] } });
    const stored = await orders(ws.workspaceId);
    expect(stored.map((o) => [o.external_id, Number(o.amount_cents), o.attribution, o.source])).toEqual([
      ["IMP-1", 12990, "link", "import"],
      ["IMP-2", 5900, "none", "import"],
    ]);
    // Local time of the workspace (Asia/Shanghai): 20:15 there is 12:15 UTC.
    expect(new Date(stored[0]!.occurred_at).toISOString()).toBe("2026-11-28T12:15:00.000Z");
    expect(stored[0]!.member_id).toBe(ws.memberIds[0]![0]);
  });

  it("reads XLSX, names missing columns, and refuses viewers", async () => {
    const ws = await linkWorkspace("import-xlsx", [1]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("订单");
    sheet.addRow(["order_id", "amount", "occurred_at"]);
    sheet.addRow(["X-1", "88.8", "2026-11-29T10:00:00+08:00"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    current.session = await sessionFor(ws.viewer);
    expect(await importOrdersAction(ws.workspaceId, null, form("o.xlsx", bytes))).toMatchObject({ ok: false, error: "errors.forbidden" });
    current.session = await sessionFor(ws.operator);
    expect(await importOrdersAction(ws.workspaceId, null, form("o.xlsx", bytes))).toMatchObject({ ok: true, data: { created: 1 } });
    expect((await orders(ws.workspaceId)).map((o) => Number(o.amount_cents))).toEqual([8880]);
    const missing = await importOrdersAction(ws.workspaceId, null, form("o.csv", "订单号,备注\nA,B"));
    expect(missing).toMatchObject({ ok: true, data: { missingColumns: ["amount", "occurredAt"], created: 0 } });
  });
});

describe("data setup", () => {
  it("only owners make the secret (returned once, never in the audit row) and set the window", async () => {
    const ws = await linkWorkspace("setup-roles", [1]);
    current.session = await sessionFor(ws.operator);
    expect(await rotateOrdersSecretAction(ws.workspaceId, null, {})).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await saveAttributionWindowAction(ws.workspaceId, null, { attributionWindowDays: "3" })).toMatchObject({ ok: false });
    current.session = await sessionFor(ws.owner);
    const made = await rotateOrdersSecretAction(ws.workspaceId, null, {});
    expect(made.ok && made.data.secret).toMatch(/^whsec_/);
    expect(await saveAttributionWindowAction(ws.workspaceId, null, { attributionWindowDays: "91" })).toMatchObject({ ok: false, fieldErrors: { attributionWindowDays: expect.any(Array) } });
    expect(await saveAttributionWindowAction(ws.workspaceId, null, { attributionWindowDays: "14" })).toMatchObject({ ok: true });
    const [row] = await getDb().execute<{ days: number; enc: string }>(sql`select attribution_window_days as days, orders_secret_enc as enc from data_settings where workspace_id = ${ws.workspaceId}`);
    expect(row!.days).toBe(14);
    expect(row!.enc).not.toContain(made.ok ? made.data.secret : "x");
    const audit = await getDb().execute<{ data: unknown }>(sql`select data from audit_log where workspace_id = ${ws.workspaceId} and action = 'orders.rotate_secret'`);
    expect(JSON.stringify(audit)).not.toContain("whsec_");
  });
});
