/**
 * Which post an order is credited to (the funnel's "pay"):
 * - `link`: the order carries a tracked link's code (the store put it in the order, e.g. from the
 *   landing URL) → that link's post × group × variant;
 * - `member_link`: the same, and that link was personalised for a member → the member too;
 * - `last_click`: no (known) code, but the order's member clicked a tracked link within the
 *   attribution window before the order (clicks know their member through personalised links) →
 *   the latest such click's post × group × variant;
 * - `none`: nothing to credit.
 */
export type Attribution = "link" | "member_link" | "last_click" | "none";

export type LinkHit = { linkId: string; postId: string; groupId: string; variantId: string | null; memberId: string | null };
export type ClickHit = { postId: string | null; groupId: string | null; variantId: string | null; occurredAt: Date };

export type Credit = { attribution: Attribution; postId: string | null; groupId: string | null; variantId: string | null; memberId: string | null };

export function chooseAttribution(memberId: string | null, link: LinkHit | null, lastClick: ClickHit | null): Credit {
  if (link) {
    return { attribution: link.memberId ? "member_link" : "link", postId: link.postId, groupId: link.groupId, variantId: link.variantId, memberId: memberId ?? link.memberId };
  }
  if (memberId && lastClick) return { attribution: "last_click", postId: lastClick.postId, groupId: lastClick.groupId, variantId: lastClick.variantId, memberId };
  return { attribution: "none", postId: null, groupId: null, variantId: null, memberId };
}

/** The window's start: a click at exactly `days` × 24 h before the order still counts. */
export function windowStart(orderAt: Date, days: number): Date {
  return new Date(orderAt.getTime() - days * 24 * 60 * 60 * 1000);
}
