import { DEFAULT_TIME_ZONE, parseJoinedAt } from "./dates";
import type { ImportField, Mapping } from "./fields";

export type Tag = { group: string | null; name: string };

export type ImportRow = {
  rowNumber: number;
  nickname: string | null;
  remark: string | null;
  phone: string | null;
  externalId: string | null;
  groupName: string | null;
  joinedAt: Date | null;
  joinSource: string | null;
  tags: Tag[];
  addedBy: string | null;
};

export type RowProblemCode = "no_identity" | "phone_invalid" | "date_invalid" | "too_long" | "too_many_tags";

export type RowProblem = { rowNumber: number; column: ImportField | null; problem: RowProblemCode };

export type RowResult = { ok: true; row: ImportRow } | { ok: false; problems: RowProblem[] };

type TextField = "nickname" | "remark" | "externalId" | "groupName" | "joinSource" | "addedBy";

/** Column limits of the member tables; counted in characters, as PostgreSQL varchar does. */
export const MAX_LENGTH: Record<TextField, number> = {
  nickname: 100,
  remark: 500,
  externalId: 64,
  groupName: 100,
  joinSource: 50,
  addedBy: 50,
};
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 30;

const TEXT_FIELDS = Object.keys(MAX_LENGTH) as TextField[];

/** Code points, not UTF-16 units: a WeChat nickname full of emoji is not twice as long. */
const length = (s: string) => [...s].length;

/**
 * What exports and hand-made sheets put in a cell that has no value. Only the checked fields
 * (phone, join time, tags) read them as empty: "-" is a perfectly good nickname.
 */
const PLACEHOLDER = /^(?:-+|—+|\/|n\/?a|null|无)$/i;

const cleanChecked = (s: string | undefined) => (s === undefined || PLACEHOLDER.test(s) ? "" : s);

/**
 * A mainland mobile number, or null. Rosters write "+86 138-0013-8000", "(0086)13800138000",
 * full-width digits from Chinese input methods, a leading apostrophe that Excel uses (and our
 * own export adds before "+"), and "13800138000.0" from sheets that went through a float.
 */
export function normalizePhone(raw: string): string | null {
  let s = raw
    .normalize("NFKC")
    .replace(/^'/, "")
    .replace(/[\s\-\u2010-\u2015\u2212()]/g, "") // spaces, hyphens and dashes, brackets
    .replace(/\.0+$/, "");
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (s.startsWith("86") && s.length === 13) s = s.slice(2);
  return /^1\d{10}$/.test(s) ? s : null;
}

/**
 * Tags as WeCom and operators write them: "兴趣:咖啡,VIP;生命周期:新客". Items are split on
 * Latin and Chinese commas and semicolons, "|", "、" and line breaks; "组:名" (either colon)
 * names the tag group. Duplicates are dropped, first occurrence kept.
 */
export function parseTags(raw: string): Tag[] {
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const item of raw.split(/[,，;；|｜、\r\n]+/)) {
    const grouped = /^([^:：]*)[:：](.*)$/s.exec(item);
    const group = grouped ? grouped[1]?.trim() || null : null;
    const name = (grouped ? (grouped[2] ?? "") : item).trim();
    const key = `${group ?? ""}\u0000${name}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    tags.push({ group, name });
  }
  return tags;
}

/**
 * The cell of each field. When several columns map to one field the first non-empty wins,
 * except tags, which are merged (企业标签 and 个人标签 are both tags of one customer).
 */
function collect(cells: string[], mapping: Mapping): Partial<Record<ImportField, string>> {
  const values: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    const cell = cells[i]?.trim() ?? "";
    if (!field || !cell) return;
    if (field === "tags" && values.tags) values.tags += `\n${cell}`;
    else values[field] ??= cell;
  });
  return values;
}

function textProblems(row: ImportRow): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const field of TEXT_FIELDS) {
    const value = row[field];
    if (value !== null && length(value) > MAX_LENGTH[field]) problems.push({ rowNumber: row.rowNumber, column: field, problem: "too_long" });
  }
  if (row.tags.some((t) => length(t.name) > MAX_TAG_LENGTH || (t.group !== null && length(t.group) > MAX_TAG_LENGTH))) {
    problems.push({ rowNumber: row.rowNumber, column: "tags", problem: "too_long" });
  }
  if (row.tags.length > MAX_TAGS) problems.push({ rowNumber: row.rowNumber, column: "tags", problem: "too_many_tags" });
  return problems;
}

/**
 * One data row checked against the import rules. Every problem of the row is reported, so the
 * operator can fix the file in one pass. A row needs something to recognise the member by: an
 * external id, a phone or a nickname.
 */
export function toImportRow(cells: string[], mapping: Mapping, rowNumber: number, opts: { timeZone?: string } = {}): RowResult {
  const v = collect(cells, mapping);
  const problems: RowProblem[] = [];
  const problem = (column: ImportField | null, code: RowProblemCode) => problems.push({ rowNumber, column, problem: code });

  const rawPhone = cleanChecked(v.phone);
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  const rawJoinedAt = cleanChecked(v.joinedAt);
  const joinedAt = rawJoinedAt ? parseJoinedAt(rawJoinedAt, opts.timeZone ?? DEFAULT_TIME_ZONE) : null;

  if (!v.externalId && !rawPhone && !v.nickname) problem(null, "no_identity");
  if (rawPhone && !phone) problem("phone", "phone_invalid");
  if (rawJoinedAt && !joinedAt) problem("joinedAt", "date_invalid");

  const row: ImportRow = {
    rowNumber,
    nickname: v.nickname ?? null,
    remark: v.remark ?? null,
    phone,
    externalId: v.externalId ?? null,
    groupName: v.groupName ?? null,
    joinedAt,
    joinSource: v.joinSource ?? null,
    tags: parseTags(cleanChecked(v.tags)),
    addedBy: v.addedBy ?? null,
  };
  problems.push(...textProblems(row));
  return problems.length ? { ok: false, problems } : { ok: true, row };
}

/**
 * The key that makes re-importing the same file idempotent: WeCom's external user id when
 * known (stable across nickname changes), else the phone, else the nickname within its group.
 */
export function identityKey(row: ImportRow): string {
  if (row.externalId) return `ext:${row.externalId}`;
  if (row.phone) return `phone:${row.phone}`;
  return `nick:${row.groupName ?? ""}:${row.nickname ?? ""}`;
}
