import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

// Any number of web and worker processes may start at once: one migrates, the rest wait.
const MIGRATION_LOCK = 7_246_118;

/** Apply the committed SQL migrations in db/migrations. */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), { migrationsFolder: path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations") });
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
    await sql.end({ timeout: 5 });
  }
}
