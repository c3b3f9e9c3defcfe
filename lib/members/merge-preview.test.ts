import { describe, expect, it } from "vitest";
import { describeMerge } from "./merge-preview";

const person = (p: Partial<{ externalId: string | null; phone: string | null; nickname: string; remark: string }>) => ({
  externalId: null,
  phone: null,
  nickname: "",
  remark: "",
  ...p,
});

describe("describeMerge", () => {
  it("counts moved stays, shared groups, new tags and filled blanks", () => {
    const keep = { member: person({ nickname: "小雨" }), stays: [{ groupId: "g1", leftAt: null }], tags: [{ id: "t1" }] };
    const merge = {
      member: person({ phone: "13800138000", nickname: "雨", remark: "老客" }),
      stays: [
        { groupId: "g1", leftAt: null },
        { groupId: "g2", leftAt: new Date() },
      ],
      tags: [{ id: "t1" }, { id: "t2" }],
    };
    expect(describeMerge(keep, merge)).toEqual({ movedStays: 2, duplicateOpenStays: 1, addedTags: 1, filledFields: ["phone", "remark"] });
  });
});
