/**
 * Turning the bytes of an uploaded text file into text, chunk by chunk. Excel on a Chinese
 * Windows saves "CSV" as GB18030/GBK, not UTF-8, and so do many WeCom-era tools; "Unicode text"
 * from Excel is UTF-16 with a byte-order mark. The encoding is guessed from the bytes, never
 * from the file name.
 */
export type TextEncodingName = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

/** Enough non-ASCII text to tell UTF-8 from GB18030 with confidence. */
const SNIFF_BYTES = 64 * 1024;

function bomEncoding(b: Uint8Array): TextEncodingName | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * The encoding of a file that starts with `head`. A GBK pair almost never forms valid UTF-8
 * (its second byte is rarely a UTF-8 continuation byte), so "valid UTF-8" is a safe test. A
 * multi-byte character cut off at the end of `head` is not counted against UTF-8.
 */
export function sniffEncoding(head: Uint8Array, atStart = true): TextEncodingName {
  const bom = atStart ? bomEncoding(head) : null;
  if (bom) return bom;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

const isAscii = (b: Uint8Array) => b.every((x) => x < 0x80);

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
}

function toBytes(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/**
 * Decode a byte stream as text. Bytes are held back only until the encoding is known: plain
 * ASCII reads the same in every candidate, so an English header does not force a guess; the
 * guess is made on the first 64 KiB that contain anything else (or the whole file if smaller).
 * TextDecoder in streaming mode keeps a character split across chunks whole, and drops a BOM.
 */
export async function* decodeText(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let atStart = true;
  for await (const raw of input) {
    const chunk = toBytes(raw);
    if (decoder) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    // Only the first bytes of the file can be a byte-order mark.
    const hasBom = atStart && heldBytes - chunk.length < 3 && bomEncoding(concat(held)) !== null;
    if (!hasBom && heldBytes < SNIFF_BYTES) continue;
    const bytes = concat(held);
    const first = atStart;
    held = [];
    heldBytes = 0;
    atStart = false;
    if (!hasBom && isAscii(bytes)) {
      yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
      continue;
    }
    decoder = new TextDecoder(sniffEncoding(bytes, first));
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = concat(held);
  decoder ??= new TextDecoder(sniffEncoding(rest, atStart));
  const text = decoder.decode(rest);
  if (text) yield text;
}
