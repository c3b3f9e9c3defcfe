import { RuleError } from "./errors";

type PgError = { code?: string; constraint_name?: string };

/** A unique-key violation (SQLSTATE 23505), of `constraint` when one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = (error as { cause?: PgError }).cause ?? (error as PgError);
  return cause?.code === "23505" && (constraint === undefined || cause.constraint_name === constraint);
}

/**
 * Runs a write and turns the violation of a named unique key into a field error, e.g.
 * `{ groups_name_key: ["validation.groupNameTaken", "name"] }`. Checking the key in the database
 * rather than before the insert is what keeps two concurrent saves from both passing.
 */
export async function guardUnique<T>(run: () => Promise<T>, keys: Record<string, [messageKey: string, field: string]>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    for (const [constraint, [messageKey, field]] of Object.entries(keys)) {
      if (isUniqueViolation(error, constraint)) throw new RuleError(messageKey, field);
    }
    throw error;
  }
}
