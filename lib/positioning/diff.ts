import type { Answers } from "./schema";

/** A leaf of the answers tree: scalar values and whole lists (a list is compared as one value). */
export type Leaf = { path: string; value: unknown };

export function leaves(value: unknown, prefix = ""): Leaf[] {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [{ path: prefix, value }];
}

export type DiffRow = { path: string; a: unknown; b: unknown; changed: boolean };

/** Every leaf of two versions side by side, with the changed ones flagged. */
export function diffAnswers(a: Answers, b: Answers): DiffRow[] {
  const right = new Map(leaves(b).map((l) => [l.path, l.value]));
  return leaves(a).map(({ path, value }) => {
    const other = right.get(path);
    return { path, a: value, b: other, changed: JSON.stringify(value) !== JSON.stringify(other) };
  });
}

/** The paths where `theirs` differs from the common `base`: what someone else changed meanwhile. */
export function changedPaths(base: Answers, theirs: Answers): string[] {
  return diffAnswers(base, theirs)
    .filter((r) => r.changed)
    .map((r) => r.path);
}
