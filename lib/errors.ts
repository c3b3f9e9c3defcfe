/**
 * Expected failures. Each carries an i18n key (under "errors." or "validation.") that the UI
 * translates; anything else that is thrown is logged and answered with a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly messageKey: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Data the form needs to explain the failure (e.g. what changed in an edit conflict). */
    readonly details?: unknown,
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

/** Missing, or belonging to another workspace: the two look the same from outside. */
export class NotFoundError extends AppError {
  constructor() {
    super("errors.notFound");
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super("errors.forbidden");
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("errors.unauthenticated");
  }
}

/** A rule of the domain refused the change, optionally pinned to one field. */
export class RuleError extends AppError {
  constructor(messageKey: string, field?: string) {
    super(messageKey, field ? { [field]: [messageKey] } : undefined);
  }
}

/** Someone else saved first; `details` says what they changed. */
export class ConflictError extends AppError {
  constructor(messageKey: string, details: unknown) {
    super(messageKey, undefined, details);
  }
}
