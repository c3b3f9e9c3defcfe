import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";
import { decodeText, sniffEncoding } from "./decode";
import { releaseInput, type TableInput, type TableRow } from "./table";
import { readXlsx } from "./xlsx-read";

export type FileKind = "csv" | "xlsx";

export type { TableInput, TableRow } from "./table";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function extensionKind(filename: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase();
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv" || ext === "tsv" || ext === "txt") return "csv";
  return null;
}

function looksLikeText(head: Uint8Array): boolean {
  const encoding = sniffEncoding(head);
  if (encoding === "utf-16le" || encoding === "utf-16be") return true;
  // NUL and other C0 controls (bar tab, newlines, form feed) never occur in a roster but do in
  // every binary format's first bytes (a PNG's signature holds 0x00 and 0x1A).
  if (head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d)) return false;
  try {
    new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  // Old systems hand out HTML tables named ".xls"/".csv"; parsed as CSV they would be noise.
  const start = Buffer.from(head.subarray(0, 512)).toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  return !start.startsWith("<") && !start.startsWith("%PDF");
}

/**
 * What an upload really is, judged by its first bytes (`head`, a few KiB is plenty). XLSX is a
 * ZIP archive; anything that decodes as text is read as CSV whatever it is called, because
 * tools name TSV and CSV files ".xls" or ".txt". The name decides only when the bytes cannot
 * (an empty file). Old binary .xls, images and the like are null.
 */
export function detectFileKind(filename: string, head: Uint8Array): FileKind | null {
  if (head.length === 0) return extensionKind(filename);
  if (ZIP_MAGIC.every((b, i) => head[i] === b)) return "xlsx";
  if (head.length < ZIP_MAGIC.length && ZIP_MAGIC.slice(0, head.length).every((b, i) => head[i] === b)) {
    return extensionKind(filename);
  }
  return looksLikeText(head) ? "csv" : null;
}

/**
 * Rows of the first sheet, one at a time; the first row yielded is the header (rowNumber 1
 * unless the sheet starts with blank rows). Fully empty rows are skipped but still counted, so
 * rowNumber matches what the user sees when opening the file. Cells are trimmed strings.
 * A broken CSV (a quote never closed) or a corrupt XLSX makes the iteration throw.
 */
export function readTable(kind: FileKind, input: TableInput): AsyncGenerator<TableRow> {
  return kind === "xlsx" ? readXlsx(input) : readCsv(input);
}

const MAX_HEADER_CHARS = 64 * 1024;

/** The text up to the first line break (the header line), and what follows, unconsumed. */
async function splitFirstLine(text: AsyncIterator<string>): Promise<{ head: string; firstLine: string }> {
  let head = "";
  while (!/[\r\n]/.test(head) && head.length < MAX_HEADER_CHARS) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, firstLine: head.split(/\r\n|\n|\r/, 1)[0] ?? "" };
}

/**
 * Excel writes "sep=;" as a first line when asked to keep a delimiter; Excel hides that line
 * when opening the file, so it is not counted as a row. Otherwise the header decides: tabs and
 * no commas means "Unicode text" or a TSV; anything else is comma-separated.
 */
function delimiterOf(firstLine: string): { delimiter: string; sepLine: boolean } {
  const sep = /^sep=(.)$/i.exec(firstLine.trim());
  if (sep?.[1]) return { delimiter: sep[1], sepLine: true };
  const tabbed = firstLine.includes("\t") && !firstLine.includes(",");
  return { delimiter: tabbed ? "\t" : ",", sepLine: false };
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    if (first) yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Stopping early (the caller broke out of readTable) must release the upload stream too.
    await rest.return?.();
  }
}

async function* readCsv(input: TableInput): AsyncGenerator<TableRow> {
  const text = decodeText(input);
  const { head, firstLine } = await splitFirstLine(text);
  const { delimiter, sepLine } = delimiterOf(firstLine);
  const body = sepLine ? head.slice(firstLine.length).replace(/^(\r\n|\n|\r)/, "") : head;
  const parser = parse({
    delimiter,
    // Hand-made sheets mix line endings and put stray quotes in nicknames (5"寸); be lenient.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    bom: true,
  });
  const source = Readable.from(prepend(body, text));
  pipeline(source, parser, () => {
    // Errors reach the consumer through the parser's iterator; nothing else to do here.
  });
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      const cells = record.map((c) => c.trim());
      if (cells.some((c) => c !== "")) yield { rowNumber, cells };
    }
  } finally {
    parser.destroy();
    source.destroy();
    releaseInput(input);
  }
}
