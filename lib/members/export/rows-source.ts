/** Rows for an export: an array, a generator, or an async generator reading pages from the db. */
export type RowSource = AsyncIterable<unknown[]> | Iterable<unknown[]>;

export function iterate(rows: RowSource): AsyncIterator<unknown[]> | Iterator<unknown[]> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}
