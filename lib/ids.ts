import { v7 } from "uuid";

/** App-generated ids: UUIDv7, time-ordered so that new rows append to the primary-key index. */
export function newId(): string {
  return v7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for any RFC 4122/9562 UUID string: used before a URL segment reaches a uuid column. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_RE.test(value);
}
