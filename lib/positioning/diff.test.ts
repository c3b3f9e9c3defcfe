import { describe, expect, it } from "vitest";
import { changedPaths, diffAnswers } from "./diff";
import { emptyAnswers } from "./schema";

describe("diffAnswers", () => {
  it("flags exactly the changed leaves, comparing lists as whole values", () => {
    const a = emptyAnswers();
    const b = emptyAnswers();
    b.fiveW1H.why = "让老顾客复购";
    b.fiveElements.channels = ["store", "referral"];
    const changed = diffAnswers(a, b).filter((r) => r.changed);
    expect(changed).toEqual([
      { path: "fiveW1H.why", a: "", b: "让老顾客复购", changed: true },
      { path: "fiveElements.channels", a: [], b: ["store", "referral"], changed: true },
    ]);
    expect(changedPaths(a, a)).toEqual([]);
  });
});
