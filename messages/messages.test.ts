import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_AREAS } from "@/i18n/areas";
import en from "./en.json";
import zh from "./zh-CN.json";

const area = (name: string, locale: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, `${name}.${locale}.json`), "utf8")) as object;

function keys(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [path.join(dir, e.name)] : [],
  );
}

describe("translations", () => {
  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const name of MESSAGE_AREAS) expect(keys(area(name, "en")).sort(), name).toEqual(keys(area(name, "zh-CN")).sort());
  });

  it("keep each area's namespaces out of the core file", () => {
    for (const name of MESSAGE_AREAS) {
      for (const [ns, value] of Object.entries(area(name, "zh-CN"))) {
        // errors and validation are shared: an area adds keys there, never overrides one.
        if (ns === "errors" || ns === "validation") expect(Object.keys(value as object).filter((k) => k in zh[ns]), `${name}: ${ns}`).toEqual([]);
        else expect(Object.keys(zh), `${name}: ${ns}`).not.toContain(ns);
      }
    }
  });

  it("cover every message key the code uses in zod schemas and typed errors", () => {
    const used = new Set<string>();
    for (const file of ["lib", "app"].flatMap(sourceFiles)) {
      for (const m of readFileSync(file, "utf8").matchAll(/"((?:validation|errors|auth)\.[a-zA-Z]+)"/g)) used.add(m[1]!);
    }
    const known = new Set([...keys(zh), ...MESSAGE_AREAS.flatMap((name) => keys(area(name, "zh-CN")))]);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });
});
