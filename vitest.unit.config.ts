import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts") },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "db/**/*.test.ts", "messages/**/*.test.ts"],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    environment: "node",
  },
});
