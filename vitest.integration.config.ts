import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run against the database in DATABASE_URL, which scripts/test.ts creates
// fresh and migrates with the committed migrations before this runs.
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts") },
  },
  test: {
    include: ["**/*.int.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".data/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: true,
  },
});
