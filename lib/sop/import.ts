import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contentItems } from "@/db/schema";
import { parseJsonTemplate, type ImportProblem, type ParsedTemplate } from "./exchange";
import { templateInputSchema, type TemplateInput } from "./schema";
import { parseXlsxTemplate } from "./xlsx";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export type ImportPreview = { template: TemplateInput | null; problems: ImportProblem[]; warnings: ImportProblem[] };

/**
 * A step that points at a library item this workspace does not have (a file from another
 * workspace) keeps its title and becomes a text step, with a warning; it is never dropped.
 */
async function localiseItems(db: DbOrTx, workspaceId: string, t: ParsedTemplate, warnings: ImportProblem[]) {
  const ids = t.steps.map((s) => s.contentItemId).filter((id): id is string => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id));
  const found = ids.length
    ? new Set((await db.select({ id: contentItems.id }).from(contentItems).where(and(eq(contentItems.workspaceId, workspaceId), inArray(contentItems.id, ids)))).map((r) => r.id))
    : new Set<string>();
  t.steps = t.steps.map((s, i) => {
    if (!s.contentItemId || found.has(s.contentItemId as string)) return s;
    warnings.push({ row: i + 1, message: "sopImport.itemMissing" });
    const title = String(s.itemTitle ?? s.title ?? "");
    return { ...s, contentItemId: null, variantId: null, title, inlineText: title };
  });
}

/** Reads an uploaded JSON or XLSX template and validates it as the create action will. */
export async function previewImport(db: DbOrTx, workspaceId: string, bytes: Uint8Array, filename: string): Promise<ImportPreview> {
  const fallbackName = filename.replace(/\.[^.]+$/, "").slice(0, 60) || "导入的模板";
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const parsed = isZip ? await parseXlsxTemplate(bytes, fallbackName) : parseJsonTemplate(new TextDecoder().decode(bytes));
  if (!parsed.template) return { template: null, problems: parsed.problems, warnings: [] };
  const warnings: ImportProblem[] = [];
  await localiseItems(db, workspaceId, parsed.template, warnings);
  const checked = templateInputSchema.safeParse(parsed.template);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => {
      const [first, index] = i.path;
      const message = i.message.includes(".") ? i.message : "validation.invalid";
      return first === "steps" && typeof index === "number" ? { row: index + 1, message } : { message };
    });
    return { template: null, problems: [...parsed.problems, ...problems], warnings };
  }
  return { template: checked.data, problems: parsed.problems, warnings };
}
