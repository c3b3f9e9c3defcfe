import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { RuleError } from "@/lib/errors";

/** 50 MB holds a 100,000-row roster several times over. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Uploads live outside the web root, named by id only; the original name is kept in the row. */
export function uploadPath(workspaceId: string, importId: string): string {
  const root = process.env.QUNYUN_UPLOAD_DIR ?? path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "uploads");
  return path.join(root, workspaceId, importId);
}

/** Stream a request body to disk, refusing it once it grows past the limit. Returns its size and first bytes. */
export async function saveUpload(body: ReadableStream<Uint8Array>, file: string): Promise<{ size: number; head: Uint8Array }> {
  await mkdir(path.dirname(file), { recursive: true });
  let size = 0;
  const head: Uint8Array[] = [];
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) return done(new RuleError("validation.fileTooLarge", "file"));
      if (size - chunk.length < 8192) head.push(chunk);
      done(null, chunk);
    },
  });
  try {
    const { Readable } = await import("node:stream");
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), meter, createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { size, head: Buffer.concat(head).subarray(0, 8192) };
}

export function openUpload(workspaceId: string, importId: string) {
  return createReadStream(uploadPath(workspaceId, importId));
}
