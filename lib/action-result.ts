/** What every server action answers. Messages are i18n keys that the calling form translates. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; details?: unknown };

export type ActionState<T = null> = ActionResult<T> | null;
