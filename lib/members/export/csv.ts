import { escapeCell, type CellOptions } from "./cells";
import { iterate, type RowSource } from "./rows-source";

/** Without a byte-order mark Excel opens a UTF-8 CSV as GBK on Chinese Windows: mojibake. */
const BOM = "\uFEFF";
const BATCH_CHARS = 16 * 1024;

/** RFC 4180: quote a field holding a quote, comma or line break, doubling inner quotes. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvLine(cells: readonly unknown[], opts: CellOptions = {}): string {
  return `${cells.map((c) => quote(escapeCell(c, opts))).join(",")}\r\n`;
}

/**
 * A CSV download as a web stream (what a Next.js route handler returns). Rows are pulled only
 * as fast as the client reads, in batches of about 16 KiB, so a 100,000-member roster never
 * sits in memory; cancelling the download stops the row source.
 */
export function csvStream(headers: string[], rows: RowSource, opts: CellOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = iterate(rows);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLine(headers, opts)));
    },
    async pull(controller) {
      let batch = "";
      while (batch.length < BATCH_CHARS) {
        const next = await iterator.next();
        if (next.done) {
          if (batch) controller.enqueue(encoder.encode(batch));
          controller.close();
          return;
        }
        batch += csvLine(next.value, opts);
      }
      controller.enqueue(encoder.encode(batch));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
