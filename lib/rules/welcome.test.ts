import { describe, expect, it } from "vitest";
import { emptyWelcome, renderWelcome, screenFit, SCREEN, welcomeFromPlan } from "./welcome";

describe("renderWelcome", () => {
  it("puts the nickname in and skips empty parts", () => {
    const c = emptyWelcome();
    c.parts.services = "每天 11 点发今日菜单";
    expect(renderWelcome(c, "小雨")).toEqual(["欢迎 小雨 进群!", "每天 11 点发今日菜单"]);
  });
});

describe("screenFit", () => {
  it("counts wrapped lines and the blank lines between paragraphs", () => {
    expect(screenFit(["一".repeat(18), "二".repeat(19)])).toEqual({ lines: 1 + 1 + 2, chars: 37, fits: true });
  });

  it("warns when the message is longer than one screen", () => {
    const long = Array.from({ length: 6 }, () => "这是一段比较长的群规说明文字,会在手机上换行显示。");
    const fit = screenFit(long);
    expect(fit.lines).toBeGreaterThan(SCREEN.lines);
    expect(fit.fits).toBe(false);
  });

  it("counts Latin letters as half width", () => {
    expect(screenFit(["a".repeat(36)]).lines).toBe(1);
  });
});

describe("welcomeFromPlan", () => {
  it("drafts all five parts from the plan, and fits one screen", () => {
    const c = welcomeFromPlan({ name: "午市熟客群", statement: "为附近上班族提供每日菜单与群专享秒杀,解决不知道吃什么的问题" });
    expect(Object.values(c.parts).every((p) => p.length > 0)).toBe(true);
    expect(screenFit(renderWelcome(c, "小雨")).fits).toBe(true);
  });
});
