import { createHash } from "node:crypto";
import { z } from "zod";
import { parseYuan } from "@/lib/money";

/**
 * The order webhook's body (README "Orders webhook"). Money is either `amount_cents` (an integer
 * number of fen) or `amount` (yuan as a decimal string, "129.90"): exactly one of them. Times are
 * ISO 8601 with an offset. A member is named by Qunyun's member id or by the store's keys for the
 * person (WeCom external user id, phone), matched in that order.
 */
const MAX_CENTS = 100_000_000_000; // ten billion yuan: far above any order, below float trouble

const money = {
  amount_cents: z.number().int().min(0).max(MAX_CENTS).optional(),
  amount: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,2})?$/, "amount must be yuan with at most two decimals, e.g. \"129.90\"")
    .optional(),
};

const externalId = z.string().trim().min(1).max(128);
const occurredAt = z.iso.datetime({ offset: true });

export const orderBodySchema = z
  .object({
    type: z.literal("order"),
    order_id: externalId,
    ...money,
    currency: z.string().regex(/^[A-Z]{3}$/).default("CNY"),
    occurred_at: occurredAt,
    member_id: z.uuid().optional(),
    member: z
      .object({ external_id: z.string().trim().min(1).max(128).optional(), phone: z.string().trim().min(5).max(32).optional() })
      .optional(),
    link_code: z.string().trim().regex(/^[0-9A-Za-z]{4,16}$/).optional(),
    items: z
      .array(z.object({ sku: z.string().max(128).optional(), name: z.string().min(1).max(200), quantity: z.number().int().min(1).max(100_000), amount_cents: z.number().int().min(0).max(MAX_CENTS).optional() }))
      .max(500)
      .optional(),
  })
  .refine((o) => (o.amount_cents === undefined) !== (o.amount === undefined), { message: "give exactly one of amount_cents and amount", path: ["amount_cents"] });

export const refundBodySchema = z
  .object({
    type: z.literal("refund"),
    refund_id: externalId,
    order_id: externalId,
    ...money,
    occurred_at: occurredAt,
  })
  .refine((o) => (o.amount_cents === undefined) !== (o.amount === undefined), { message: "give exactly one of amount_cents and amount", path: ["amount_cents"] })
  .refine((o) => (o.amount_cents ?? yuanToCents(o.amount ?? "0")) > 0, { message: "a refund must be more than zero", path: ["amount_cents"] });

export const webhookBodySchema = z.discriminatedUnion("type", [orderBodySchema, refundBodySchema]);

/** Cents of a yuan string the schema has already checked ("129.90"). */
export function yuanToCents(yuan: string): number {
  return parseYuan(yuan) ?? Number.NaN;
}

/** An order as Qunyun stores it, from the webhook or an import. */
export type OrderInput = {
  externalId: string;
  amountCents: number;
  currency: string;
  occurredAt: Date;
  memberId: string | null;
  memberExternalId: string | null;
  memberPhone: string | null;
  linkCode: string | null;
  items: { sku?: string; name: string; quantity: number; amount_cents?: number }[];
};

export type RefundInput = { externalId: string; orderExternalId: string; amountCents: number; occurredAt: Date };

export function orderInputFrom(body: z.infer<typeof orderBodySchema>): OrderInput {
  return {
    externalId: body.order_id,
    amountCents: body.amount_cents ?? yuanToCents(body.amount ?? "0"),
    currency: body.currency,
    occurredAt: new Date(body.occurred_at),
    memberId: body.member_id ?? null,
    memberExternalId: body.member?.external_id ?? null,
    memberPhone: body.member?.phone ?? null,
    linkCode: body.link_code ?? null,
    items: body.items ?? [],
  };
}

export function refundInputFrom(body: z.infer<typeof refundBodySchema>): RefundInput {
  return { externalId: body.refund_id, orderExternalId: body.order_id, amountCents: body.amount_cents ?? yuanToCents(body.amount ?? "0"), occurredAt: new Date(body.occurred_at) };
}

/**
 * What makes two deliveries of an order "the same body": the order's meaning, not its bytes, so
 * a store that re-serialises (other key order, "129.9" vs 12990 fen, another offset for the same
 * instant) is still recognised as a replay; any changed amount, time, member, code or item is a
 * conflict (409).
 */
export function orderBodyHash(o: OrderInput): string {
  const canonical = [o.amountCents, o.currency, o.occurredAt.toISOString(), o.memberId, o.memberExternalId, o.memberPhone, o.linkCode, o.items.map((i) => [i.sku ?? null, i.name, i.quantity, i.amount_cents ?? null])];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export function refundBodyHash(r: RefundInput): string {
  return createHash("sha256").update(JSON.stringify([r.orderExternalId, r.amountCents, r.occurredAt.toISOString()])).digest("hex");
}

export const windowSchema = z.object({ attributionWindowDays: z.coerce.number().int().min(1).max(90) });
