/**
 * ROI (投产比) and the funnel's ratios. Revenue is attributed revenue net of refunds; a ratio
 * with nothing below the line is null ("—"), never Infinity or NaN.
 */
export type Funnel = { reach: number; uniqueClicks: number; orders: number; revenueCents: number; refundCents: number };

export const emptyFunnel = (): Funnel => ({ reach: 0, uniqueClicks: 0, orders: 0, revenueCents: 0, refundCents: 0 });

export function addFunnel(a: Funnel, b: Funnel): Funnel {
  return { reach: a.reach + b.reach, uniqueClicks: a.uniqueClicks + b.uniqueClicks, orders: a.orders + b.orders, revenueCents: a.revenueCents + b.revenueCents, refundCents: a.refundCents + b.refundCents };
}

export const netRevenueCents = (f: Pick<Funnel, "revenueCents" | "refundCents">) => f.revenueCents - f.refundCents;

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** ROI as revenue ÷ cost (2.5 means every yuan spent brought 2.5 yuan back). */
export const roiOf = (netRevenueCents: number, costCents: number) => ratio(netRevenueCents, costCents);

/** Click rate = unique clicks ÷ reach; pay rate = orders ÷ unique clicks (the funnel's steps). */
export function funnelRates(f: Funnel) {
  return {
    clickRate: ratio(f.uniqueClicks, f.reach),
    payRate: ratio(f.orders, f.uniqueClicks),
    netRevenueCents: netRevenueCents(f),
    revenuePerReachCents: ratio(netRevenueCents(f), f.reach),
    averageOrderCents: ratio(netRevenueCents(f), f.orders),
  };
}
