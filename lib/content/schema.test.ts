import { describe, expect, it } from "vitest";
import { fillColumnsSchema, updateColumnSchema } from "./columns-schema";
import { createContentItemSchema, isHttpUrl, MAX_TEXT, splitTags } from "./schema";

const item = (extra: Record<string, unknown> = {}) => ({
  title: "新品预告",
  category: "activity",
  format: "text",
  tags: "新品, 预告、周一",
  variantId: ["", ""],
  variantLabel: ["A", "B"],
  variantBody: ["红色海报文案", "黄色海报文案"],
  variantLinkUrl: ["", ""],
  variantMiniProgramTitle: ["", ""],
  variantMiniProgramPath: ["", ""],
  variantImages: ["", ""],
  ...extra,
});
const errors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("content item schema", () => {
  it("zips the form's parallel lists into variants and splits tags", () => {
    const r = createContentItemSchema.parse(item());
    expect(r.variants.map((v) => v.label)).toEqual(["A", "B"]);
    expect(r.tags).toEqual(["新品", "预告", "周一"]);
  });

  it("refuses text past WeChat's 4,000 characters, but takes exactly 4,000", () => {
    expect(createContentItemSchema.safeParse(item({ variantBody: ["字".repeat(MAX_TEXT), "b"] })).success).toBe(true);
    expect(errors(createContentItemSchema.safeParse(item({ variantBody: ["字".repeat(MAX_TEXT + 1), "b"] })))).toEqual({ "variants.0.body": "contentErrors.textTooLong" });
  });

  it("asks each format for what it shows", () => {
    expect(errors(createContentItemSchema.safeParse(item({ format: "link", variantLinkUrl: ["javascript:alert(1)", ""] })))).toEqual({
      "variants.0.linkUrl": "contentErrors.badUrl",
      "variants.1.linkUrl": "contentErrors.urlNeeded",
    });
    const mp = errors(createContentItemSchema.safeParse(item({ format: "mini_program", variantLabel: ["A"], variantBody: [""] })));
    expect(mp).toEqual({
      "variants.0.miniProgramTitle": "contentErrors.miniProgramTitleNeeded",
      "variants.0.miniProgramPath": "contentErrors.miniProgramPathNeeded",
      "variants.0.imageUploadIds": "contentErrors.coverNeeded",
    });
    expect(errors(createContentItemSchema.safeParse(item({ variantLabel: ["A", "A"] })))).toEqual({ "variants.1.label": "contentErrors.duplicateLabel" });
    expect(errors(createContentItemSchema.safeParse(item({ variantLabel: [] })))).toEqual({ variants: "contentErrors.variantNeeded" });
  });

  it("knows an http(s) URL", () => {
    expect(isHttpUrl("https://shop.example.com/p?id=1")).toBe(true);
    expect(isHttpUrl("ftp://example.com")).toBe(false);
    expect(isHttpUrl("example.com")).toBe(false);
    expect(splitTags(" a,,b  a ")).toEqual(["a", "b"]);
  });
});

describe("column schemas", () => {
  const column = { columnId: "0190a5c4-0000-7000-8000-000000000001", name: "新品预告", category: "activity", scope: "type:traffic", weekday: "1", timeOfDay: "20:00", contentItemId: "", notes: "" };
  it("reads a scope and a weekday", () => {
    const r = updateColumnSchema.parse(column);
    expect(r.scope).toEqual({ communityType: "traffic", groupId: null });
    expect(r.weekday).toBe(1);
    expect(updateColumnSchema.parse({ ...column, weekday: "" }).weekday).toBeNull();
  });
  it("refuses a bad time, an unknown type and a weekday 8", () => {
    expect(errors(updateColumnSchema.safeParse({ ...column, timeOfDay: "24:00", scope: "type:nope", weekday: "8" }))).toEqual({
      timeOfDay: "contentErrors.badTime",
      scope: "contentErrors.scopeNeeded",
      weekday: "validation.invalid",
    });
  });
  it("limits a fill to 92 days, forwards, on real days", () => {
    const g = ["0190a5c4-0000-7000-8000-000000000001"];
    expect(fillColumnsSchema.safeParse({ groupIds: g, from: "2026-01-01", to: "2026-04-02" }).success).toBe(true);
    expect(errors(fillColumnsSchema.safeParse({ groupIds: g, from: "2026-01-01", to: "2026-04-03" }))).toEqual({ to: "contentErrors.rangeTooLong" });
    expect(errors(fillColumnsSchema.safeParse({ groupIds: g, from: "2026-01-02", to: "2026-01-01" }))).toEqual({ to: "contentErrors.rangeBackwards" });
    expect(errors(fillColumnsSchema.safeParse({ groupIds: [], from: "2026-02-30", to: "2026-03-01" }))).toEqual({ groupIds: "validation.pickSome", from: "validation.date" });
  });
});
