import { describe, expect, it } from "vitest";
import { ruleConfigSchema, safeTest, testMessage, type TestableRule } from "./moderation";

const rule = (id: string, config: TestableRule["config"], action: "warn" | "remove" = "warn"): TestableRule => ({ id, name: id, config, action, warningText: "@%NICKNAME% 请勿发广告" });

describe("testMessage", () => {
  const rules = [
    rule("ads", { kind: "keyword", keywords: ["代购", "兼职"] }),
    rule("links", { kind: "link" }, "remove"),
    rule("phones", { kind: "phone" }),
    rule("qr", { kind: "qrcode" }),
    rule("packets", { kind: "red_packet" }),
    rule("flood", { kind: "flood", maxMessages: 5, windowSeconds: 60 }),
  ];

  it("lets an ordinary message through", () => {
    expect(testMessage(rules, { text: "今天的草莓好甜,明天还有吗?", recentCount: 1 }).verdicts).toEqual([]);
  });

  it("names every rule a spam message trips, the removal first, with the reply to send", () => {
    const { verdicts } = testMessage(rules, { text: "高薪兼职!加我 13812345678 详情 www.example.com", recentCount: 0, sender: "小王" });
    expect(verdicts.map((v) => v.ruleId)).toEqual(["links", "ads", "phones"]);
    expect(verdicts[0]).toMatchObject({ action: "remove", reason: "www.example.com", reply: "@小王 请勿发广告" });
  });

  it("spots QR codes, red packets and floods", () => {
    expect(testMessage(rules, { text: "[二维码]", recentCount: 0 }).verdicts.map((v) => v.ruleId)).toEqual(["qr"]);
    expect(testMessage(rules, { text: "[红包]恭喜发财", recentCount: 0 }).verdicts.map((v) => v.ruleId)).toEqual(["packets"]);
    expect(testMessage(rules, { text: "哈哈", recentCount: 5 }).verdicts.map((v) => v.ruleId)).toEqual(["flood"]);
    expect(testMessage(rules, { text: "哈哈", recentCount: 4 }).verdicts).toEqual([]);
  });
});

describe("user patterns", () => {
  it("are refused when they do not compile", () => {
    expect(ruleConfigSchema.safeParse({ kind: "pattern", pattern: "([a-z" }).error?.issues[0]?.message).toBe("validation.badPattern");
    expect(ruleConfigSchema.safeParse({ kind: "pattern", pattern: "加.{0,3}群" }).success).toBe(true);
  });

  it("cannot hang the server: a catastrophic pattern is stopped and treated as no match", () => {
    const started = Date.now();
    // V8 may fall back to its linear engine on its own; either way the answer comes back quickly.
    expect(safeTest("^(a+)+$", `${"a".repeat(40)}!`).matched).toBe(false);
    expect(safeTest("^(a|a)*$", `${"a".repeat(5000)}!`).matched).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(safeTest("加.{0,3}群", "快来加我们的群")).toEqual({ matched: true, timedOut: false });
  });
});
