import "server-only";

/** A rate as a spreadsheet shows it: "12.34%", or empty when there is nothing to divide. */
export const percentCell = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(2)}%`);
export const yuanCell = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));
export const ratioCell = (v: number | null) => (v === null ? "" : v.toFixed(2));
