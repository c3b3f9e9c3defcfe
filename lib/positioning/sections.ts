import { leaves } from "./diff";
import { fieldLabel, formatValue, type CustomTypes, type Translate } from "./format";
import { SHEETS, type Sheet } from "./presets";
import { assembleStatement, type Answers } from "./schema";

export type Section = { sheet: Sheet; title: string; rows: { label: string; value: string }[] };

/** The plan as readable sections (one per worksheet): for the print view and the Markdown export. */
export function planSections(a: Answers, t: Translate, custom: CustomTypes): Section[] {
  const all = leaves(a);
  return SHEETS.map((sheet) => ({
    sheet,
    title: t(`positioning.sheets.${sheet}`),
    rows: all
      .filter((l) => l.path === sheet || l.path.startsWith(`${sheet}.`))
      .map((l) => ({
        label: fieldLabel(l.path, t),
        value: l.path === "statement.text" ? (a.statement.text || assembleStatement(a.statement)) : formatValue(l.path, l.value, t, custom),
      })),
  }));
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, "\\$1");

export function planMarkdown(name: string, a: Answers, t: Translate, custom: CustomTypes, meta: string): string {
  const lines = [`# ${escapeMd(name)}`, "", `> ${escapeMd(a.statement.text || assembleStatement(a.statement))}`, "", `_${escapeMd(meta)}_`, ""];
  for (const section of planSections(a, t, custom)) {
    lines.push(`## ${section.title}`, "");
    for (const row of section.rows) {
      const value = row.value ? escapeMd(row.value).replace(/\n/g, "\n  - ") : "—";
      lines.push(row.value.includes("\n") ? `- **${row.label}**:\n  - ${value}` : `- **${row.label}**:${value}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
