import { describe, expect, it } from "vitest";
import type { Mapping } from "./fields";
import { identityKey, normalizePhone, parseTags, toImportRow, type ImportRow } from "./rows";

const MAPPING: Mapping = ["nickname", "remark", "phone", "externalId", "groupName", "joinedAt", "joinSource", "tags", "addedBy"];

type Cells = Partial<Record<NonNullable<Mapping[number]>, string>>;

function row(cells: Cells, rowNumber = 7, opts = {}) {
  return toImportRow(
    MAPPING.map((f) => (f ? (cells[f] ?? "") : "")),
    MAPPING,
    rowNumber,
    opts,
  );
}

function problemsOf(cells: Cells) {
  const result = row(cells);
  return result.ok ? [] : result.problems.map((p) => `${p.column ?? "-"}:${p.problem}`);
}

describe("toImportRow", () => {
  it("turns a full WeCom row into a member", () => {
    const result = row({
      nickname: "张三🎉",
      remark: "老客户",
      phone: "+86 138-0013-8000",
      externalId: "wmABC123",
      groupName: "咖啡爱好者1群",
      joinedAt: "2024-03-05 14:22",
      joinSource: "扫描二维码",
      tags: "兴趣:咖啡,VIP;生命周期:新客",
      addedBy: "王店长",
    });
    expect(result).toEqual({
      ok: true,
      row: {
        rowNumber: 7,
        nickname: "张三🎉",
        remark: "老客户",
        phone: "13800138000",
        externalId: "wmABC123",
        groupName: "咖啡爱好者1群",
        joinedAt: new Date("2024-03-05T06:22:00Z"),
        joinSource: "扫描二维码",
        tags: [
          { group: "兴趣", name: "咖啡" },
          { group: null, name: "VIP" },
          { group: "生命周期", name: "新客" },
        ],
        addedBy: "王店长",
      },
    });
  });

  it("reads join times in the given time zone", () => {
    const result = row({ nickname: "Ann", joinedAt: "2024-03-05 14:22" }, 2, { timeZone: "Europe/London" });
    expect(result.ok && result.row.joinedAt).toEqual(new Date("2024-03-05T14:22:00Z"));
  });

  it("needs an external id, a phone or a nickname", () => {
    expect(problemsOf({ remark: "只有备注", groupName: "1群" })).toEqual(["-:no_identity"]);
    expect(problemsOf({ externalId: "wm1" })).toEqual([]);
    expect(problemsOf({ phone: "13800138000" })).toEqual([]);
    expect(problemsOf({ nickname: "小李" })).toEqual([]);
  });

  it("reports a phone that is not a mainland mobile number", () => {
    expect(problemsOf({ nickname: "a", phone: "010-12345678" })).toEqual(["phone:phone_invalid"]);
    expect(problemsOf({ nickname: "a", phone: "1380013800" })).toEqual(["phone:phone_invalid"]);
    expect(problemsOf({ nickname: "a", phone: "1.38001E+10" })).toEqual(["phone:phone_invalid"]);
    // A placeholder is an empty cell, not a bad number.
    expect(problemsOf({ nickname: "a", phone: "-" })).toEqual([]);
  });

  it("reports a join time it cannot read", () => {
    expect(problemsOf({ nickname: "a", joinedAt: "上周三" })).toEqual(["joinedAt:date_invalid"]);
    expect(problemsOf({ nickname: "a", joinedAt: "2024-02-30" })).toEqual(["joinedAt:date_invalid"]);
  });

  it("reports every text over its column limit, counting characters not bytes", () => {
    expect(problemsOf({ nickname: "🎉".repeat(100) })).toEqual([]);
    expect(
      problemsOf({
        nickname: "名".repeat(101),
        remark: "r".repeat(501),
        externalId: "w".repeat(65),
        groupName: "群".repeat(101),
        joinSource: "源".repeat(51),
        addedBy: "员".repeat(51),
      }),
    ).toEqual(["nickname:too_long", "remark:too_long", "externalId:too_long", "groupName:too_long", "joinSource:too_long", "addedBy:too_long"]);
    expect(problemsOf({ nickname: "a", tags: `${"长".repeat(31)},ok` })).toEqual(["tags:too_long"]);
    expect(problemsOf({ nickname: "a", tags: `${"组".repeat(31)}:名` })).toEqual(["tags:too_long"]);
  });

  it("allows 50 tags and refuses 51", () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `标签${i}`).join(",");
    expect(problemsOf({ nickname: "a", tags: tags(50) })).toEqual([]);
    expect(problemsOf({ nickname: "a", tags: tags(51) })).toEqual(["tags:too_many_tags"]);
  });

  it("reports all problems of a row at once, with its row number", () => {
    const result = row({ phone: "12345", joinedAt: "soon", remark: "x".repeat(501) }, 12);
    expect(result).toEqual({
      ok: false,
      problems: [
        { rowNumber: 12, column: "phone", problem: "phone_invalid" },
        { rowNumber: 12, column: "joinedAt", problem: "date_invalid" },
        { rowNumber: 12, column: "remark", problem: "too_long" },
      ],
    });
  });

  it("ignores unmapped columns and merges two tag columns", () => {
    const mapping: Mapping = ["nickname", null, "tags", "tags"];
    const result = toImportRow(["张三", "男", "VIP", "个人:常客,VIP"], mapping, 3);
    expect(result.ok && result.row.tags).toEqual([
      { group: null, name: "VIP" },
      { group: "个人", name: "常客" },
    ]);
  });
});

describe("normalizePhone", () => {
  it("strips country codes, separators and spreadsheet artefacts", () => {
    for (const raw of ["13800138000", "+86 138 0013 8000", "86-138-0013-8000", "0086 13800138000", "(+86)13800138000", "１３８００１３８０００", "'+8613800138000", "13800138000.0"]) {
      expect(normalizePhone(raw), raw).toBe("13800138000");
    }
  });
});

describe("parseTags", () => {
  it("splits on Chinese and Latin separators and reads tag groups", () => {
    expect(parseTags("兴趣:咖啡,VIP;生命周期:新客")).toEqual([
      { group: "兴趣", name: "咖啡" },
      { group: null, name: "VIP" },
      { group: "生命周期", name: "新客" },
    ]);
    expect(parseTags("兴趣：茶，VIP；老客|常客、 夜猫子 \n 兴趣: 茶 ,, ；")).toEqual([
      { group: "兴趣", name: "茶" },
      { group: null, name: "VIP" },
      { group: null, name: "老客" },
      { group: null, name: "常客" },
      { group: null, name: "夜猫子" },
    ]);
    expect(parseTags(":无组,空名:")).toEqual([{ group: null, name: "无组" }]);
  });
});

describe("identityKey", () => {
  const base: ImportRow = {
    rowNumber: 2,
    nickname: "张三",
    remark: null,
    phone: "13800138000",
    externalId: "wmABC",
    groupName: "1群",
    joinedAt: null,
    joinSource: null,
    tags: [],
    addedBy: null,
  };

  it("prefers the external id, then the phone, then the nickname within its group", () => {
    expect(identityKey(base)).toBe("ext:wmABC");
    expect(identityKey({ ...base, externalId: null })).toBe("phone:13800138000");
    expect(identityKey({ ...base, externalId: null, phone: null })).toBe("nick:1群:张三");
    expect(identityKey({ ...base, externalId: null, phone: null, groupName: null })).toBe("nick::张三");
  });

  it("gives the same key when the same file is imported twice", () => {
    const a = toImportRow(["张三", "", "+86 13800138000"], ["nickname", null, "phone"], 2);
    const b = toImportRow(["张三", "", "138-0013-8000"], ["nickname", null, "phone"], 9);
    expect(a.ok && b.ok && identityKey(a.row) === identityKey(b.row)).toBe(true);
  });
});
