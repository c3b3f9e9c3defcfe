import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import type { Role } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { writeAudit, type AuditInput } from "@/lib/audit";
import { hasRole } from "@/lib/auth/roles";
import { getSession, type Session } from "@/lib/auth/session";
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getMembership } from "@/lib/workspaces/queries";

export type { ActionResult } from "./action-result";

export type WorkspaceCtx = { db: Tx; workspaceId: string; role: Role; session: Session };
export type UserCtx = { db: Tx; session: Session };

function toInput(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const key of new Set(raw.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = raw.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(toInput(raw));
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "_";
    (fieldErrors[field] ??= []).push(issue.message.includes(".") ? issue.message : "validation.invalid");
  }
  return { ok: false, result: { ok: false, error: "errors.invalidInput", fieldErrors } };
}

/** Typed errors become their message; anything else is logged and answered generically. */
function failure(error: unknown): ActionResult<never> {
  unstable_rethrow(error); // redirects and not-found are control flow, not failures
  if (error instanceof AppError) {
    return { ok: false, error: error.messageKey, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }), ...(error.details !== undefined && { details: error.details }) };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, error: "errors.unexpected" };
}

/** An action anyone may call (sign-in, sign-up): parse, then run. */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  return async (_prev: unknown, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const parsed = parse(schema, raw);
      if (!parsed.ok) return parsed.result;
      return { ok: true, data: await run(parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
}

/** An action of the signed-in user about themselves: session, parse, one transaction. */
export function userAction<S extends z.ZodType, T>(schema: S, run: (ctx: UserCtx, input: z.output<S>) => Promise<T>) {
  return async (_prev: unknown, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await getSession();
      if (!session) throw new UnauthenticatedError();
      const parsed = parse(schema, raw);
      if (!parsed.ok) return parsed.result;
      return { ok: true, data: await getDb().transaction((db) => run({ db, session }, parsed.data)) };
    } catch (error) {
      return failure(error);
    }
  };
}

/**
 * An action inside a workspace. The workspace id is bound on the server
 * (`action.bind(null, workspaceId)`), and the caller's membership and role are looked up here,
 * never taken from the form. The command and the audit row `audit` describes share one transaction.
 */
export function workspaceAction<S extends z.ZodType, T>(
  opts: {
    role: Role;
    schema: S;
    /** The screens to refresh after the commit (this path and below), relative to /w/[workspace]. */
    revalidate?: string;
    /** Work that must see the committed rows, e.g. enqueueing a job that reads them. */
    afterCommit?: (ctx: { workspaceId: string }, input: z.output<S>, data: T) => Promise<void>;
  },
  run: (ctx: WorkspaceCtx, input: z.output<S>) => Promise<T>,
  audit: (input: z.output<S>, data: T) => AuditInput,
) {
  return async (workspaceId: string, _prev: unknown, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await getSession();
      if (!session) throw new UnauthenticatedError();
      if (!isUuid(workspaceId)) throw new NotFoundError();
      const membership = await getMembership(getDb(), { workspaceId, userId: session.user.id });
      if (!membership) throw new NotFoundError();
      if (!hasRole(membership.role, opts.role)) throw new ForbiddenError();
      const parsed = parse(opts.schema, raw);
      if (!parsed.ok) return parsed.result;
      const data = await getDb().transaction(async (db) => {
        const result = await run({ db, workspaceId, role: membership.role, session }, parsed.data);
        await writeAudit(db, workspaceId, session.user.id, audit(parsed.data, result));
        return result;
      });
      await opts.afterCommit?.({ workspaceId }, parsed.data, data);
      if (opts.revalidate !== undefined) revalidatePath(`/w/${workspaceId}/${opts.revalidate}`, "layout");
      return { ok: true, data };
    } catch (error) {
      return failure(error);
    }
  };
}
