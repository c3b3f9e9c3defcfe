import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { contentItems, contentVariants, sopSteps, sopTemplates } from "@/db/schema";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { StepInput, TemplateInput } from "./schema";
import { findStarter } from "./starters";

type Key = { workspaceId: string; templateId: string };
type Fields = Omit<TemplateInput, "steps">;

/**
 * Library steps take their category from the item (the mix checks count what is really
 * posted); an item or variant of another workspace is refused next to its step.
 */
async function resolveLibrarySteps(db: DbOrTx, workspaceId: string, steps: StepInput[]): Promise<StepInput[]> {
  const itemIds = [...new Set(steps.map((s) => s.contentItemId).filter((id): id is string => !!id))];
  if (!itemIds.length) return steps;
  const [items, variants] = await Promise.all([
    db.select({ id: contentItems.id, title: contentItems.title, category: contentItems.category }).from(contentItems).where(and(eq(contentItems.workspaceId, workspaceId), inArray(contentItems.id, itemIds))),
    db.select({ id: contentVariants.id, itemId: contentVariants.itemId }).from(contentVariants).where(and(eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.itemId, itemIds))),
  ]);
  const itemOf = new Map(items.map((i) => [i.id, i]));
  return steps.map((s, i) => {
    if (!s.contentItemId) return s;
    const item = itemOf.get(s.contentItemId);
    if (!item) throw new RuleError("sopErrors.itemNotFound", `steps.${i}.contentItemId`);
    if (s.variantId && !variants.some((v) => v.id === s.variantId && v.itemId === item.id)) throw new RuleError("sopErrors.variantNotFound", `steps.${i}.variantId`);
    return { ...s, category: item.category, title: item.title };
  });
}

async function writeSteps(tx: Tx, key: Key, steps: StepInput[], keepIds: Set<string>): Promise<string[]> {
  await tx.delete(sopSteps).where(and(eq(sopSteps.workspaceId, key.workspaceId), eq(sopSteps.templateId, key.templateId)));
  if (!steps.length) return [];
  const ids = steps.map((s) => (s.id && keepIds.has(s.id) ? s.id : newId()));
  // A step keeps its id across edits: the posts of earlier runs are matched to it by that id.
  await tx.insert(sopSteps).values(
    steps.map((s, position) => ({
      workspaceId: key.workspaceId,
      templateId: key.templateId,
      id: ids[position]!,
      position,
      timing: s.timing,
      weekday: s.weekday,
      dayOffset: s.dayOffset,
      timeOfDay: s.time,
      contentItemId: s.contentItemId,
      variantId: s.variantId,
      title: s.title,
      inlineText: s.inlineText,
      category: s.category,
      ownerRole: s.ownerRole,
      notes: s.notes,
    })),
  );
  return ids;
}

async function nameTaken(db: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: sopTemplates.id })
    .from(sopTemplates)
    .where(and(eq(sopTemplates.workspaceId, workspaceId), eq(sopTemplates.name, name), ...(exceptId ? [ne(sopTemplates.id, exceptId)] : [])));
  return rows.length > 0;
}

/** "Name", then "Name (2)", "Name (3)"…: starters and imports never fail on a name already used. */
export async function freeName(db: DbOrTx, workspaceId: string, name: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = `${name.slice(0, 60 - suffix.length)}${suffix}`;
    if (!(await nameTaken(db, workspaceId, candidate))) return candidate;
  }
  throw new RuleError("sopErrors.nameTaken", "name");
}

export async function createTemplate(
  tx: Tx,
  input: { workspaceId: string; userId: string; fields: Fields; steps: StepInput[]; starterKey?: string | null; nameClash: "error" | "suffix" },
) {
  const name = input.nameClash === "suffix" ? await freeName(tx, input.workspaceId, input.fields.name) : input.fields.name;
  if (input.nameClash === "error" && (await nameTaken(tx, input.workspaceId, name))) throw new RuleError("sopErrors.nameTaken", "name");
  const steps = await resolveLibrarySteps(tx, input.workspaceId, input.steps);
  const templateId = newId();
  await tx.insert(sopTemplates).values({ workspaceId: input.workspaceId, id: templateId, ...input.fields, name, starterKey: input.starterKey ?? null, createdBy: input.userId });
  await writeSteps(tx, { workspaceId: input.workspaceId, templateId }, steps, new Set());
  return { templateId, name };
}

export async function addStarter(tx: Tx, input: { workspaceId: string; userId: string; starterKey: string }) {
  const starter = findStarter(input.starterKey);
  if (!starter) throw new NotFoundError();
  const { key, steps, ...fields } = starter;
  return createTemplate(tx, { workspaceId: input.workspaceId, userId: input.userId, fields, steps: steps.map((s) => ({ ...s, contentItemId: null, variantId: null })), starterKey: key, nameClash: "suffix" });
}

export async function lockTemplate(tx: Tx, key: Key) {
  const [row] = await tx
    .select()
    .from(sopTemplates)
    .where(and(eq(sopTemplates.workspaceId, key.workspaceId), eq(sopTemplates.id, key.templateId)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** Saving writes the whole table of steps and bumps the version; an older base version is a conflict. */
export async function saveTemplate(tx: Tx, input: Key & { baseVersion: number; fields: Fields; steps: StepInput[] }) {
  const row = await lockTemplate(tx, input);
  if (row.version !== input.baseVersion) throw new ConflictError("sopErrors.templateChanged", { currentVersion: row.version });
  if (await nameTaken(tx, input.workspaceId, input.fields.name, input.templateId)) throw new RuleError("sopErrors.nameTaken", "name");
  const steps = await resolveLibrarySteps(tx, input.workspaceId, input.steps);
  const existing = await tx
    .select({ id: sopSteps.id })
    .from(sopSteps)
    .where(and(eq(sopSteps.workspaceId, input.workspaceId), eq(sopSteps.templateId, input.templateId)));
  const stepIds = await writeSteps(tx, input, steps, new Set(existing.map((s) => s.id)));
  const version = row.version + 1;
  await tx
    .update(sopTemplates)
    .set({ ...input.fields, version, updatedAt: new Date() })
    .where(and(eq(sopTemplates.workspaceId, input.workspaceId), eq(sopTemplates.id, input.templateId)));
  return { version, stepIds };
}

/** Runs go with the template (cascade); their posts stay in the calendar as they are. */
export async function deleteTemplate(tx: Tx, key: Key) {
  const row = await lockTemplate(tx, key);
  await tx.delete(sopTemplates).where(and(eq(sopTemplates.workspaceId, key.workspaceId), eq(sopTemplates.id, key.templateId)));
  return { name: row.name };
}
