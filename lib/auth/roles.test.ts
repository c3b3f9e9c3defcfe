import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("lets owners do everything, operators write, viewers only read", () => {
    expect(hasRole("owner", "owner")).toBe(true);
    expect(hasRole("owner", "viewer")).toBe(true);
    expect(hasRole("operator", "operator")).toBe(true);
    expect(hasRole("operator", "owner")).toBe(false);
    expect(hasRole("viewer", "viewer")).toBe(true);
    expect(hasRole("viewer", "operator")).toBe(false);
  });
});
