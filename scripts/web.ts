/**
 * The production web server, started by `npm start` (scripts/serve.ts) as its child process, on
 * the build in .next/: Next as a custom server with the live-code fast path (lib/server/http.ts).
 * Its own process, as `next start` was: on SIGTERM it finishes the requests in flight, closes its
 * database pool and exits, and only then does the launcher stop an embedded PostgreSQL, so the
 * job worker running inside this process never sees its database go away under it.
 */
import { startWebServer, type WebServer } from "@/lib/server/http";

(process.env as Record<string, string>).NODE_ENV = "production";
const port = Number(process.env.PORT ?? 3000);
let web: WebServer | undefined;
let stopping = false;

/**
 * Quick, as `next start` was: requests in flight are answered, then the process exits and its
 * connections go with it. (A Ctrl-C reaches an embedded PostgreSQL too, which then drops its
 * connections: waiting for anything else would only print the job worker's complaints.)
 */
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await web?.close().catch((e) => console.error("[web] stopping failed", e));
  process.exit(code);
}

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
startWebServer({ port }).then(
  (server) => {
    web = server;
    if (stopping) void server.close();
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    void stop(1);
  },
);
