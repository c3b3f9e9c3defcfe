import type { Readable } from "node:stream";

/** One non-empty row of the sheet; rowNumber is what Excel shows in its row gutter (1-based). */
export type TableRow = { rowNumber: number; cells: string[] };

/** An upload: a Node stream (a file, Readable.fromWeb(request.body)) or any async byte source. */
export type TableInput = NodeJS.ReadableStream | Readable | AsyncIterable<Uint8Array>;

/**
 * A caller that stops early (first rows only, or an error) must not leave the upload's socket
 * or file open; the decoding chain would let go of it only later, if at all.
 */
export function releaseInput(input: TableInput): void {
  const stream = input as Partial<Readable>;
  if (typeof stream.destroy === "function" && !stream.destroyed) stream.destroy();
}
