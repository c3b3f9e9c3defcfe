/** `npm run db:migrate`: apply the committed migrations to DATABASE_URL (or the embedded server). */
import { runMigrations } from "../db/migrate";
import { startEmbeddedPostgres } from "./embedded";

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ name: "postgres", database: "qunyun" });
try {
  await runMigrations(process.env.DATABASE_URL ?? embedded!.url);
  console.log("migrations applied");
} finally {
  await embedded?.stop();
}
