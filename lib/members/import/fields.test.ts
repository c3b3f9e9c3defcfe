import { describe, expect, it } from "vitest";
import { suggestMapping } from "./fields";

describe("suggestMapping", () => {
  it("maps a WeCom customer export", () => {
    expect(suggestMapping(["客户名称", "备注", "外部联系人ID", "所属员工", "添加时间", "标签", "来源"])).toEqual([
      "nickname",
      "remark",
      "externalId",
      "addedBy",
      "joinedAt",
      "tags",
      "joinSource",
    ]);
  });

  it("maps a WeCom group member export", () => {
    expect(suggestMapping(["群名称", "群内昵称", "入群时间", "入群方式", "邀请人", "性别"])).toEqual([
      "groupName",
      "nickname",
      "joinedAt",
      "joinSource",
      "addedBy",
      null,
    ]);
  });

  it("maps an English sheet whatever its case, spacing and punctuation", () => {
    const headers = ["Customer Name", "NOTES", "Phone Number", "External_UserID", "group name", "Join-Time", "Channel", "Labels", "Added by"];
    expect(suggestMapping(headers)).toEqual(["nickname", "remark", "phone", "externalId", "groupName", "joinedAt", "joinSource", "tags", "addedBy"]);
    expect(suggestMapping(["externalUserId", "mobile"])).toEqual(["externalId", "phone"]);
  });

  it("ignores full-width characters, spaces and decorations around a known header", () => {
    expect(suggestMapping([" 手机号码 ", "客户ＩＤ", "客户昵称（必填）", "Phone number (mobile)"])).toEqual(["phone", "externalId", "nickname", null]);
  });

  it("uses each field once, for the leftmost column, and prefers a whole-header match", () => {
    expect(suggestMapping(["企业标签", "个人标签", "微信昵称", "昵称"])).toEqual(["tags", null, "nickname", null]);
    // "客户群名称" contains 客户 (a nickname synonym) but is a group name; 名称 alone is a nickname.
    expect(suggestMapping(["客户群名称", "名称"])).toEqual(["groupName", "nickname"]);
  });

  it("does not read broad words inside longer headers", () => {
    expect(suggestMapping(["客户来源", "Staff Name", "Stage", "客户备注"])).toEqual(["joinSource", "addedBy", null, "remark"]);
  });

  it("leaves unknown and empty headers unmapped", () => {
    expect(suggestMapping(["性别", "", "城市", "  "])).toEqual([null, null, null, null]);
  });
});
