import { describe, expect, it } from "vitest";
import { canTransition, sourcesOf } from "./status";

describe("post status", () => {
  it("follows draft → scheduled → due → sent", () => {
    expect(canTransition("draft", "scheduled")).toBe(true);
    expect(canTransition("scheduled", "due")).toBe(true);
    expect(canTransition("due", "sent")).toBe(true);
  });

  it("never leaves sent; a draft must be scheduled first", () => {
    expect(sourcesOf("scheduled")).not.toContain("sent");
    expect(canTransition("sent", "cancelled")).toBe(false);
    expect(canTransition("draft", "sent")).toBe(false);
  });
});
