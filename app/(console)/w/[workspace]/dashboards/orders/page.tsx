import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSubmit } from "@/components/ui/filters";
import { hasRole } from "@/lib/auth/roles";
import { addLocalDays, instantDay, localToInstant } from "@/lib/calendar/time";
import { listOrders, orderTotals } from "@/lib/orders/queries";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { ImportOrdersForm } from "./_components/import-form";

export const metadata: Metadata = { title: "订单 Orders" };
export const dynamic = "force-dynamic";

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export default async function OrdersPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const sp = await searchParams;
  const tz = ctx.workspace.timeZone;
  const today = instantDay(new Date(), tz);
  const pick = (v: unknown, fallback: string) => (typeof v === "string" && DAY_RE.test(v) ? v : fallback);
  let from = pick(sp.from, addLocalDays(today, -29));
  let to = pick(sp.to, today);
  if (from > to) [from, to] = [to, from];
  const range = { workspaceId: ctx.workspace.id, from: localToInstant(from, "00:00", tz), to: localToInstant(addLocalDays(to, 1), "00:00", tz) };
  const db = getDb();
  const [t, format, rows, totals] = await Promise.all([getTranslations("orders"), getFormatter(), listOrders(db, range), orderTotals(db, range)]);
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "CNY" });
  const base = `/w/${ctx.workspace.id}`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <FilterBar action={`${base}/dashboards/orders`}>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("from")}</span>
          <input type="date" name="from" defaultValue={from} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">{t("to")}</span>
          <input type="date" name="to" defaultValue={to} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        <FilterSubmit label={t("filter")} />
      </FilterBar>
      <p className="text-sm text-stone-800" data-testid="order-totals">
        {t("totals", { orders: totals.orders, revenue: money(totals.revenue), refunds: money(totals.refunds), attributed: totals.attributed })}
      </p>
      <Card title={t("listTitle")}>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("listTitle")}</caption>
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("colTime")}</th>
                  <th className="py-2 pr-3 font-medium">{t("colOrder")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("colAmount")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("colRefunded")}</th>
                  <th className="py-2 pr-3 font-medium">{t("colMember")}</th>
                  <th className="py-2 pr-3 font-medium">{t("colAttribution")}</th>
                  <th className="py-2 font-medium">{t("colSource")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id} className="border-t border-stone-100 align-top">
                    <td className="py-2 pr-3 tabular-nums">{format.dateTime(o.occurredAt, { dateStyle: "short", timeStyle: "short", timeZone: tz })}</td>
                    <td className="break-all py-2 pr-3 font-mono text-xs">{o.externalId}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{money(o.amountCents)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{o.refundedCents ? money(o.refundedCents) : "—"}</td>
                    <td className="py-2 pr-3">{o.memberName ?? "—"}</td>
                    <td className="py-2 pr-3">
                      <span className="block">{t(`attribution.${o.attribution}`)}</span>
                      {o.postId ? (
                        <Link href={`${base}/calendar/posts/${o.postId}`} className="text-xs text-emerald-800 underline">
                          {o.postTitle || t("untitledPost")}
                          {o.groupName ? ` · ${o.groupName}` : ""}
                        </Link>
                      ) : null}
                    </td>
                    <td className="py-2 text-xs text-stone-600">{t(`source.${o.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length >= 200 ? <p className="mt-2 text-xs text-stone-600">{t("capped")}</p> : null}
          </div>
        )}
      </Card>
      {hasRole(ctx.role, "operator") ? (
        <Card title={t("importTitle")} lead={t("importLead")}>
          <ImportOrdersForm workspaceId={ctx.workspace.id} />
        </Card>
      ) : null}
    </div>
  );
}
