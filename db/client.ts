import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; queries and commands accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Holder = { db?: Db; sql?: postgres.Sql };
// One pool per process, kept across hot reloads in development.
const holder = ((globalThis as { __qunyunDb?: Holder }).__qunyunDb ??= {});

/** The process's database handle, created on first use so that `next build` needs no database. */
export function getDb(): Db {
  if (!holder.db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Qunyun with `npm start` or set DATABASE_URL.");
    holder.sql = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    holder.db = drizzle(holder.sql, { schema });
  }
  return holder.db;
}

/** The postgres.js client under drizzle, for hot paths that want prepared tagged-template statements. */
export function getSql(): postgres.Sql {
  getDb();
  if (!holder.sql) throw new Error("database client not initialised");
  return holder.sql;
}

export async function closeDb(): Promise<void> {
  await holder.sql?.end({ timeout: 5 });
  holder.db = undefined;
  holder.sql = undefined;
}
