import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { answerRedirect } from "@/lib/links/redirect-page";
import { answerLivePage } from "./live-page";

/**
 * The production web server (`npm start`): Next as a custom server in this process, with one
 * fast path in front of it. A live code's public page `/j/<slug>` is what a whole live-stream
 * audience scans at once; it is one small HTML document and one scan, so it is answered here with
 * plain node:http and the database driver, without Next's request pipeline (which alone costs
 * about half the throughput of a static file). Everything else, the QR images under
 * `/j/<slug>/qr/…` included, goes to Next. The answer comes from the same code as the Next
 * route handler `app/j/[slug]/route.ts`, which serves the page in development. Tracked links
 * `/r/<code>` (a 302 and one click, lib/links/redirect-page.ts) take the same fast path for the
 * same reason: a post in fifty groups is clicked by many people within a minute.
 */
export type WebServer = { close(): Promise<void> };

/** `/j/<slug>` and nothing under it; a trailing slash or an encoded segment is left to Next. */
const LIVE_PAGE = /^\/j\/([a-z0-9-]+)(?:\?|$)/;
/** `/r/<code>` and nothing under it (codes are base62). */
const REDIRECT = /^\/r\/([0-9A-Za-z]{1,32})(?:\?|$)/;

type Answer = { status: number; headers: Record<string, string>; body: string };

function reply(label: string, answer: Promise<Answer>, res: ServerResponse) {
  answer.then(
    (a) => {
      res.writeHead(a.status, { ...a.headers, "Content-Length": Buffer.byteLength(a.body) });
      res.end(a.body);
    },
    (error: unknown) => {
      console.error(`[fast] ${label} failed`, error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end("Internal Server Error");
    },
  );
}

const headerOf = (req: IncomingMessage) => (name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

function answerLive(slug: string, req: IncomingMessage, res: ServerResponse) {
  answerLivePage(slug, (name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }).then(
    (answer) => {
      res.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
      res.end(answer.body);
    },
    (error: unknown) => {
      console.error(`[live] /j/${slug} failed`, error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end("Internal Server Error");
    },
  );
}

export async function startWebServer(opts: { port: number; dir?: string }): Promise<WebServer> {
  const app = next({ dev: false, dir: opts.dir ?? process.cwd(), hostname: "localhost", port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const live = req.method === "GET" ? LIVE_PAGE.exec(req.url ?? "") : null;
    if (live?.[1]) return answerLive(live[1], req, res);
    const link = req.method === "GET" ? REDIRECT.exec(req.url ?? "") : null;
    if (link?.[1]) return reply(`/r/${link[1]}`, answerRedirect(link[1], headerOf(req)), res);
    handle(req, res).catch((error: unknown) => {
      console.error("[next] request failed", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    /** Stops taking requests and lets those in flight finish (10 s at most). */
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      // A kept-alive connection is closed as soon as its current response is out.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearInterval(idle);
      clearTimeout(timer);
      server.closeAllConnections();
    },
  };
}
