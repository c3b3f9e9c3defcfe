/**
 * The production server for the data-area benches, started as `npm start` starts it
 * (scripts/serve.ts start) in its own process group, on the build in .next/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { progress, withTimeout } from "./lib";

const nextBin = path.resolve("node_modules", ".bin", "next");
const tsxBin = path.resolve("node_modules", ".bin", "tsx");

export function ensureBuild(): void {
  if (existsSync(path.resolve(".next", "BUILD_ID"))) return;
  progress("no production build yet: running next build");
  if (spawnSync(nextBin, ["build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
}

export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(tsxBin, ["--conditions=react-server", "scripts/serve.ts", "start"], {
    env: { ...process.env, ...env, PORT: String(port), QUNYUN_NO_BUILD: "1", QUNYUN_WORKER: "off", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /api/health within 120 s");
}

/** SIGTERM to the server's group: requests in flight are finished (or rolled back) before it exits. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await withTimeout("stopping the server", 15_000, exited).catch(() => process.kill(-child.pid!, "SIGKILL"));
}
