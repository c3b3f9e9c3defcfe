import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { uploads } from "@/db/schema";
import { RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { detectImageType, MAX_IMAGE_BYTES, type ImageType } from "./image-type";

/** Images live outside the web root (next to roster uploads), under a random name. */
function imageRoot(): string {
  const root = process.env.QUNYUN_UPLOAD_DIR ?? path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "uploads");
  return path.join(root, "images");
}

export function imagePath(workspaceId: string, storageKey: string): string {
  return path.join(imageRoot(), workspaceId, storageKey);
}

/** Stream the body to a temporary file, refusing it once it passes 2 MB; then judge its bytes. */
async function receive(body: ReadableStream<Uint8Array>, file: string): Promise<{ size: number; type: ImageType }> {
  await mkdir(path.dirname(file), { recursive: true });
  let size = 0;
  const head: Buffer[] = [];
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > MAX_IMAGE_BYTES) return done(new RuleError("liveCodeErrors.imageTooLarge", "file"));
      if (size - chunk.length < 16) head.push(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), meter, createWriteStream(file));
  const type = detectImageType(Buffer.concat(head).subarray(0, 16));
  if (!type) throw new RuleError("liveCodeErrors.notImage", "file");
  return { size, type };
}

/**
 * Keep an uploaded image: the file first (under a temporary name, renamed once it proved to be
 * an image), then its row in `tx`. Anything refused leaves no file behind.
 */
export async function storeImage(
  tx: Tx,
  input: { workspaceId: string; userId: string; filename: string; body: ReadableStream<Uint8Array> },
): Promise<{ uploadId: string; mimeType: ImageType; sizeBytes: number }> {
  const storageKey = randomBytes(16).toString("hex");
  const file = imagePath(input.workspaceId, storageKey);
  const partial = `${file}.part`;
  try {
    const { size, type } = await receive(input.body, partial);
    await rename(partial, file);
    const uploadId = newId();
    await tx.insert(uploads).values({
      workspaceId: input.workspaceId,
      id: uploadId,
      storageKey,
      mimeType: type,
      sizeBytes: size,
      filename: input.filename.slice(0, 200),
      createdBy: input.userId,
    });
    return { uploadId, mimeType: type, sizeBytes: size };
  } catch (error) {
    await rm(partial, { force: true });
    await rm(file, { force: true });
    throw error;
  }
}

export async function getUpload(db: DbOrTx, q: { workspaceId: string; uploadId: string }) {
  const [row] = await db
    .select({ id: uploads.id, storageKey: uploads.storageKey, mimeType: uploads.mimeType, sizeBytes: uploads.sizeBytes })
    .from(uploads)
    .where(and(eq(uploads.workspaceId, q.workspaceId), eq(uploads.id, q.uploadId)))
    .limit(1);
  return row ?? null;
}

/**
 * The image as a response body; the headers stop a browser from treating it as anything else.
 * A file gone from disk (restored database, lost volume) is a plain 404, not a broken reply.
 */
export async function imageResponse(workspaceId: string, row: { storageKey: string; mimeType: string; sizeBytes: number }, cacheControl: string): Promise<Response> {
  const file = imagePath(workspaceId, row.storageKey);
  if (!(await stat(file).catch(() => null))?.isFile()) return new Response("Not found", { status: 404 });
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "Content-Type": row.mimeType,
      "Content-Length": String(row.sizeBytes),
      "Cache-Control": cacheControl,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
