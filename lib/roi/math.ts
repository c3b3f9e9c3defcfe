/**
 * ROI (投产比) beside the funnel. The funnel's own arithmetic is the dashboards' (lib/dashboards/math.ts):
 * revenue is attributed revenue net of refunds; a ratio with nothing below the line is null ("—").
 */
import { funnel, rate, type Figures } from "@/lib/dashboards/math";

/** The funnel figures ROI works with (clicks are not needed: rates use unique clicks). */
export type Funnel = Omit<Figures, "clicks">;

/** ROI as revenue ÷ cost (2.5 means every yuan spent brought 2.5 yuan back). */
export const roiOf = (netRevenueCents: number, costCents: number) => rate(netRevenueCents, costCents);

/** Click rate = unique clicks ÷ reach; pay rate = orders ÷ unique clicks (the funnel's steps). */
export function funnelRates(f: Funnel) {
  const { clickRate, payRate, netRevenueCents, revenuePerReachCents, averageOrderCents } = funnel({ ...f, clicks: 0 });
  return { clickRate, payRate, netRevenueCents, revenuePerReachCents, averageOrderCents };
}
