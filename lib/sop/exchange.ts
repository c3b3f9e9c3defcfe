import { z } from "zod";
import { csvLine } from "@/lib/members/export/csv";
import { CATEGORY_ZH, describeTiming, OWNER_ZH, parseCategory, parseOwnerRole, parseTiming } from "./describe";
import { templateFieldsSchema, type StepInput } from "./schema";

/**
 * Export and import of SOP templates. The sheet's first five columns are the ones people read
 * (时间 / 内容 / 负责人 / 备注 / 分类); the next three carry what a round trip needs (the step's
 * title and the library item and variant it points to). Timing, owner and category are read
 * back from their readable forms, so an edited sheet imports as the person sees it.
 */
export const EXPORT_FORMAT = "qunyun.sop-template";
export const EXPORT_VERSION = 1;
export const SHEET_COLUMNS = ["时间", "内容", "负责人", "备注", "分类", "标题", "内容库条目 ID", "变体 ID"] as const;
export const INFO_SHEET = "模板信息";
export const INFO_KEYS = { name: "名称", description: "说明", communityType: "社群类型", anchorLabel: "第 0 天", format: "格式" } as const;

export type ExportStep = StepInput & { itemTitle: string | null; variantLabel: string | null };
export type ExportTemplate = { name: string; description: string; communityType: string | null; anchorLabel: string; version: number; steps: ExportStep[] };
/** A template read from a file, not yet validated against the schema or the workspace. */
export type ParsedTemplate = { name: string; description: string; communityType: string | null; anchorLabel: string; steps: Record<string, unknown>[] };
export type ImportProblem = { row?: number; message: string };

const LIBRARY_PREFIX = "【内容库】";

export function contentText(s: ExportStep): string {
  if (!s.contentItemId) return s.inlineText;
  return `${LIBRARY_PREFIX}${s.itemTitle ?? s.title}${s.variantLabel ? `(${s.variantLabel})` : ""}`;
}

/** One row per step, as strings, before formula escaping. */
export function stepRows(t: ExportTemplate): string[][] {
  return t.steps.map((s) => [
    describeTiming(s),
    contentText(s),
    OWNER_ZH[s.ownerRole],
    s.notes,
    CATEGORY_ZH[s.category],
    s.contentItemId ? (s.itemTitle ?? s.title) : s.title,
    s.contentItemId ?? "",
    s.variantId ?? "",
  ]);
}

export function infoRows(t: ExportTemplate): string[][] {
  return [
    [INFO_KEYS.name, t.name],
    [INFO_KEYS.description, t.description],
    [INFO_KEYS.communityType, t.communityType ?? ""],
    [INFO_KEYS.anchorLabel, t.anchorLabel],
    [INFO_KEYS.format, `${EXPORT_FORMAT}/${EXPORT_VERSION}`],
  ];
}

/** CSV with a BOM so Excel opens the Chinese correctly; every cell formula-escaped. */
export function toCsv(t: ExportTemplate): string {
  return `\uFEFF${[SHEET_COLUMNS as readonly string[], ...stepRows(t)].map((r) => csvLine(r)).join("")}`;
}

const mdCell = (v: string) => v.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>") || " ";

export function toMarkdown(t: ExportTemplate): string {
  const meta = [t.communityType ? `社群类型:${t.communityType}` : "", t.anchorLabel ? `第 0 天:${t.anchorLabel}` : "", `版本 ${t.version}`].filter(Boolean).join(" · ");
  const head = SHEET_COLUMNS.slice(0, 5);
  const lines = [
    `# ${t.name}`,
    "",
    ...(t.description ? [t.description, ""] : []),
    meta,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...t.steps.map((s) => {
      const content = s.contentItemId ? contentText(s) : s.title ? `**${s.title}**\n${s.inlineText}` : s.inlineText;
      return `| ${[describeTiming(s), content, OWNER_ZH[s.ownerRole], s.notes, CATEGORY_ZH[s.category]].map(mdCell).join(" | ")} |`;
    }),
    "",
  ];
  return lines.join("\n");
}

/** The lossless form: every field of every step, under a format name and version. */
export function toJson(t: ExportTemplate): string {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      template: { name: t.name, description: t.description, communityType: t.communityType, anchorLabel: t.anchorLabel, sourceVersion: t.version },
      steps: t.steps.map((s) => ({
        timing: s.timing,
        weekday: s.weekday,
        dayOffset: s.dayOffset,
        time: s.time,
        contentItemId: s.contentItemId,
        variantId: s.variantId,
        itemTitle: s.itemTitle,
        title: s.contentItemId ? (s.itemTitle ?? s.title) : s.title,
        inlineText: s.inlineText,
        category: s.category,
        ownerRole: s.ownerRole,
        notes: s.notes,
      })),
    },
    null,
    2,
  );
}

const jsonFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  template: templateFieldsSchema.partial().extend({ name: z.string() }),
  steps: z.array(z.record(z.string(), z.unknown())).max(200),
});

export function parseJsonTemplate(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { problems: [{ message: "sopImport.notJson" }] };
  }
  const parsed = jsonFileSchema.safeParse(raw);
  if (!parsed.success) return { problems: [{ message: "sopImport.wrongFormat" }] };
  const t = parsed.data.template;
  return {
    template: { name: t.name, description: t.description ?? "", communityType: t.communityType ?? null, anchorLabel: t.anchorLabel ?? "", steps: parsed.data.steps },
    problems: [],
  };
}

/** escapeCell's apostrophe comes off again: "'-1" was written for "-1". */
export function unescapeCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/**
 * Sheet rows (header first) back into steps. Columns are found by their header, so a sheet
 * with the columns moved still reads; a row that cannot be read is reported by its number.
 */
export type ParseResult = { template?: ParsedTemplate; problems: ImportProblem[] };

export function parseSheetRows(rows: { rowNumber: number; cells: string[] }[], info: Record<string, string>, fallbackName: string): ParseResult {
  const problems: ImportProblem[] = [];
  const [header, ...body] = rows;
  const col = (name: string) => header?.cells.findIndex((c) => c.trim() === name) ?? -1;
  const idx = Object.fromEntries(SHEET_COLUMNS.map((c) => [c, col(c)])) as Record<(typeof SHEET_COLUMNS)[number], number>;
  if (idx["时间"] < 0 || idx["内容"] < 0) return { problems: [{ message: "sopImport.missingColumns" }] };
  const steps: Record<string, unknown>[] = [];
  for (const r of body) {
    const cell = (name: (typeof SHEET_COLUMNS)[number]) => (idx[name] >= 0 ? unescapeCell(r.cells[idx[name]] ?? "") : "");
    const timing = parseTiming(cell("时间"));
    const category = cell("分类") ? parseCategory(cell("分类")) : null;
    const ownerRole = cell("负责人") ? parseOwnerRole(cell("负责人")) : "operator";
    if (!timing) problems.push({ row: r.rowNumber, message: "sopImport.badTime" });
    if (!category) problems.push({ row: r.rowNumber, message: "sopImport.badCategory" });
    if (!ownerRole) problems.push({ row: r.rowNumber, message: "sopImport.badOwner" });
    if (!timing || !category || !ownerRole) continue;
    const itemId = cell("内容库条目 ID").trim();
    const content = cell("内容");
    const title = cell("标题").trim() || content.split("\n")[0]!.slice(0, 30);
    steps.push({
      ...timing,
      category,
      ownerRole,
      notes: cell("备注"),
      title,
      contentItemId: itemId || null,
      variantId: itemId ? cell("变体 ID").trim() || null : null,
      inlineText: itemId ? "" : content,
    });
  }
  const template: ParsedTemplate = {
    name: info[INFO_KEYS.name]?.trim() || fallbackName,
    description: info[INFO_KEYS.description] ?? "",
    communityType: info[INFO_KEYS.communityType]?.trim() || null,
    anchorLabel: info[INFO_KEYS.anchorLabel] ?? "",
    steps,
  };
  return { template, problems };
}
