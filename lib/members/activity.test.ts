import { describe, expect, it } from "vitest";
import { decayedScore, DEFAULT_ACTIVITY_RULE, dueForRecall } from "./activity";

const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600 * 1000);

describe("decayedScore", () => {
  it("gives full points today and halves them every half-life", () => {
    const rule = { points: { message: 1, click: 2, order: 5, join: 1 }, halfLifeDays: 10 };
    expect(decayedScore([{ kind: "order", at: now }], rule, now)).toBe(5);
    expect(decayedScore([{ kind: "order", at: daysAgo(10) }], rule, now)).toBeCloseTo(2.5, 10);
    expect(decayedScore([{ kind: "order", at: daysAgo(20) }], rule, now)).toBeCloseTo(1.25, 10);
    expect(decayedScore([{ kind: "click", at: daysAgo(10) }, { kind: "join", at: now }, { kind: "reach", at: now }], rule, now)).toBeCloseTo(2, 10);
  });
});

describe("dueForRecall", () => {
  it("flags low scores and long silences, not active members", () => {
    expect(dueForRecall({ score: 1, lastActiveAt: daysAgo(1) }, DEFAULT_ACTIVITY_RULE, now)).toBe(true);
    expect(dueForRecall({ score: 9, lastActiveAt: daysAgo(30) }, DEFAULT_ACTIVITY_RULE, now)).toBe(true);
    expect(dueForRecall({ score: 9, lastActiveAt: null }, DEFAULT_ACTIVITY_RULE, now)).toBe(true);
    expect(dueForRecall({ score: 9, lastActiveAt: daysAgo(2) }, DEFAULT_ACTIVITY_RULE, now)).toBe(false);
  });
});
