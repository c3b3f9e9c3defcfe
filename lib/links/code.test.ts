import { describe, expect, it } from "vitest";
import { destinationOf, isHttpUrl, newLinkCode, textWithTrackedUrl, urlsInText } from "./code";

describe("link codes", () => {
  it("are 7 URL-safe base62 characters, and differ", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newLinkCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[0-9A-Za-z]{7}$/);
    // All 62 characters turn up: the alphabet is used in full.
    expect(new Set([...codes].join("")).size).toBe(62);
  });
});

describe("destinations", () => {
  it("finds http(s) URLs in Chinese text without swallowing punctuation", () => {
    expect(urlsInText("抢购：https://shop.example.com/a?b=1，限时！再看 http://x.cn/y。")).toEqual(["https://shop.example.com/a?b=1", "http://x.cn/y"]);
    expect(urlsInText("链接（https://a.example.com/p）")).toEqual(["https://a.example.com/p"]);
    expect(urlsInText("javascript:alert(1) ftp://a.example.com")).toEqual([]);
  });
  it("prefers the variant's link, else the first URL in the text; only http(s)", () => {
    expect(destinationOf({ linkUrl: "https://a.example.com", text: "see https://b.example.com" })).toBe("https://a.example.com");
    expect(destinationOf({ linkUrl: "javascript:alert(1)", text: "see https://b.example.com" })).toBe("https://b.example.com");
    expect(destinationOf({ linkUrl: null, text: "no link" })).toBeNull();
    expect(isHttpUrl("data:text/html,hi")).toBe(false);
  });
  it("replaces the destination by the tracked URL, or appends it on its own line", () => {
    expect(textWithTrackedUrl("买 https://a.example.com/x 吧", "https://a.example.com/x", "https://q.cn/r/abc1234")).toBe("买 https://q.cn/r/abc1234 吧");
    expect(textWithTrackedUrl("新品上架\n", "https://a.example.com/x", "https://q.cn/r/abc1234")).toBe("新品上架\nhttps://q.cn/r/abc1234");
    expect(textWithTrackedUrl("", "https://a.example.com/x", "https://q.cn/r/abc1234")).toBe("https://q.cn/r/abc1234");
  });
});
