import { parseJoinedAt } from "@/lib/members/import/dates";
import { normalizePhone } from "@/lib/members/import/rows";
import type { OrderInput } from "./schema";
import { parseYuan } from "@/lib/money";

/**
 * Order imports read a store's export with fixed, documented headers (Chinese or English, case
 * and spaces ignored). Only 订单号, 金额 and 下单时间 are required; the member is found by phone or
 * WeCom external id; 链接码 credits the order to a tracked link.
 */
export const ORDER_COLUMNS = {
  externalId: ["订单号", "订单编号", "order_id", "order id", "order no"],
  amount: ["金额", "订单金额", "实付金额", "amount"],
  occurredAt: ["下单时间", "支付时间", "occurred_at", "order time", "paid at"],
  phone: ["会员手机号", "手机号", "phone"],
  externalMemberId: ["外部联系人id", "external_userid", "external_id", "wecom external id"],
  linkCode: ["链接码", "link_code", "link code"],
} as const;

export type OrderColumn = keyof typeof ORDER_COLUMNS;
export type ColumnIndex = Partial<Record<OrderColumn, number>>;
export type OrderRowProblem = "missing_columns" | "order_id_missing" | "amount_invalid" | "time_invalid" | "phone_invalid" | "link_code_invalid" | "too_long";

const norm = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/\s+/g, " ");

export function indexColumns(headers: string[]): { index: ColumnIndex; missing: OrderColumn[] } {
  const index: ColumnIndex = {};
  headers.forEach((h, i) => {
    const name = norm(h);
    for (const [column, names] of Object.entries(ORDER_COLUMNS) as [OrderColumn, readonly string[]][]) {
      if (index[column] === undefined && names.some((n) => norm(n) === name)) index[column] = i;
    }
  });
  const missing = (["externalId", "amount", "occurredAt"] as const).filter((c) => index[c] === undefined);
  return { index, missing };
}


export function toOrderInput(cells: string[], index: ColumnIndex, timeZone: string): { ok: true; order: OrderInput } | { ok: false; problem: OrderRowProblem } {
  const cell = (c: OrderColumn) => (index[c] === undefined ? "" : (cells[index[c]!] ?? "").trim());
  const externalId = cell("externalId");
  if (!externalId) return { ok: false, problem: "order_id_missing" };
  if (externalId.length > 128) return { ok: false, problem: "too_long" };
  const amountCents = parseYuan(cell("amount"));
  if (amountCents === null) return { ok: false, problem: "amount_invalid" };
  const occurredAt = parseJoinedAt(cell("occurredAt"), timeZone);
  if (!occurredAt) return { ok: false, problem: "time_invalid" };
  const rawPhone = cell("phone");
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) return { ok: false, problem: "phone_invalid" };
  const linkCode = cell("linkCode") || null;
  if (linkCode && !/^[0-9A-Za-z]{4,16}$/.test(linkCode)) return { ok: false, problem: "link_code_invalid" };
  const externalMemberId = cell("externalMemberId") || null;
  if (externalMemberId && externalMemberId.length > 128) return { ok: false, problem: "too_long" };
  return {
    ok: true,
    order: { externalId, amountCents, currency: "CNY", occurredAt, memberId: null, memberExternalId: externalMemberId, memberPhone: phone, linkCode, items: [] },
  };
}
