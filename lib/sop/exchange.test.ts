import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { describeTiming, parseTiming } from "./describe";
import { parseJsonTemplate, toCsv, toJson, toMarkdown, type ExportTemplate } from "./exchange";
import { templateInputSchema } from "./schema";
import { STARTERS } from "./starters";
import { parseXlsxTemplate, toXlsx } from "./xlsx";

const ITEM = "0193a000-0000-7000-8000-000000000001";
const VARIANT = "0193a000-0000-7000-8000-000000000002";

function fromStarter(key: string): ExportTemplate {
  const s = STARTERS.find((x) => x.key === key)!;
  return { ...s, version: 3, steps: s.steps.map((st) => ({ ...st, contentItemId: null, variantId: null, itemTitle: null, variantLabel: null })) };
}

const tricky: ExportTemplate = {
  name: "=注入测试",
  description: "说明,带逗号\n和换行",
  communityType: "flash",
  anchorLabel: "上新日",
  version: 2,
  steps: [
    { timing: "relative", weekday: null, dayOffset: -1, time: "20:00", contentItemId: null, variantId: null, title: "-预热", inlineText: "=HYPERLINK(\"x\")\n第二行 | 竖线", category: "interaction", ownerRole: "group_admin", notes: "+备注", itemTitle: null, variantLabel: null },
    { timing: "relative", weekday: null, dayOffset: 0, time: "09:05", contentItemId: ITEM, variantId: VARIANT, title: "红色海报", inlineText: "", category: "activity", ownerRole: "group_owner", notes: "", itemTitle: "红色海报", variantLabel: "B" },
  ],
};

const stepsOf = (t: ExportTemplate) =>
  t.steps.map((s) => ({
    timing: s.timing, weekday: s.weekday, dayOffset: s.dayOffset, time: s.time, contentItemId: s.contentItemId, variantId: s.variantId,
    title: s.contentItemId ? (s.itemTitle ?? s.title) : s.title, inlineText: s.inlineText, category: s.category, ownerRole: s.ownerRole, notes: s.notes,
  }));

describe("readable timing", () => {
  it("reads back what it writes", () => {
    for (const s of [
      { timing: "daily" as const, weekday: null, dayOffset: null, time: "11:00" },
      { timing: "weekly" as const, weekday: 1, dayOffset: null, time: "20:00" },
      { timing: "weekly" as const, weekday: 7, dayOffset: null, time: "08:30" },
      { timing: "relative" as const, weekday: null, dayOffset: -1, time: "20:00" },
    ]) {
      expect(parseTiming(describeTiming(s))).toEqual(s);
    }
    expect(describeTiming({ timing: "relative", weekday: null, dayOffset: -1, time: "20:00" })).toBe("第 -1 天 20:00");
    expect(parseTiming("星期二 9:00")).toEqual({ timing: "weekly", weekday: 2, dayOffset: null, time: "09:00" });
    expect(parseTiming("每天 25:00")).toBeNull();
  });
});

describe("exports", () => {
  it("CSV has the five readable columns first and escapes formulas", () => {
    const csv = toCsv(tricky);
    const [header, first] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header!.startsWith("时间,内容,负责人,备注,分类")).toBe(true);
    expect(first).toContain("第 -1 天 20:00");
    expect(first).toContain(`"'=HYPERLINK(""x"")`);
    expect(first).toContain("'+备注");
    expect(toCsv(fromStarter("restaurant_daily"))).toContain("每天 11:00,");
  });

  it("Markdown is a table with pipes and newlines made safe", () => {
    const md = toMarkdown(tricky);
    expect(md).toContain("| 时间 | 内容 | 负责人 | 备注 | 分类 |");
    expect(md).toContain("第 -1 天 20:00");
    expect(md).toContain("第二行 \\| 竖线");
    expect(md).toContain("【内容库】红色海报(B)");
  });

  it("JSON round trip is lossless", () => {
    const parsed = parseJsonTemplate(toJson(tricky));
    expect(parsed.problems).toEqual([]);
    const input = templateInputSchema.parse(parsed.template);
    expect(input.steps).toEqual(stepsOf(tricky));
    expect(input).toMatchObject({ name: "=注入测试", description: tricky.description, communityType: "flash", anchorLabel: "上新日" });
    expect(parseJsonTemplate("{").problems).toEqual([{ message: "sopImport.notJson" }]);
    expect(parseJsonTemplate('{"format":"other"}').problems).toEqual([{ message: "sopImport.wrongFormat" }]);
  });

  it("XLSX round trip gives the same template, every starter included", async () => {
    for (const t of [tricky, ...STARTERS.map((s) => fromStarter(s.key))]) {
      const parsed = await parseXlsxTemplate(await toXlsx(t), "fallback");
      expect(parsed.problems).toEqual([]);
      const input = templateInputSchema.parse(parsed.template);
      expect(input.steps).toEqual(stepsOf(t));
      expect(input.name).toBe(t.name);
      expect(input.anchorLabel).toBe(t.anchorLabel);
    }
  });

  it("XLSX cells are text with formulas escaped", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(tricky)) as unknown as ArrayBuffer);
    const row = book.worksheets[0]!.getRow(2);
    expect(row.getCell(2).value).toBe("'=HYPERLINK(\"x\")\n第二行 | 竖线");
    expect(row.getCell(1).value).toBe("第 -1 天 20:00");
  });

  it("reports unreadable rows by their number", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("SOP");
    sheet.addRow(["时间", "内容", "负责人", "备注", "分类"]);
    sheet.addRow(["每天 11:00", "菜单", "群主", "", "产品"]);
    sheet.addRow(["明天中午", "视频", "群主", "", "产品"]);
    sheet.addRow(["每天 18:00", "秒杀", "老板", "", "打折"]);
    const parsed = await parseXlsxTemplate(new Uint8Array(await book.xlsx.writeBuffer()), "我的表");
    expect(parsed.problems).toEqual([
      { row: 3, message: "sopImport.badTime" },
      { row: 4, message: "sopImport.badCategory" },
      { row: 4, message: "sopImport.badOwner" },
    ]);
    expect(parsed.template?.name).toBe("我的表");
    expect(parsed.template?.steps).toHaveLength(1);
  });
});
