import { describe, expect, it } from "vitest";
import en from "@/messages/livecodes.en.json";
import zh from "@/messages/livecodes.zh-CN.json";
import { renderLanding } from "./landing";

describe("the live-code landing page", () => {
  it("shows the group's QR with its name, escaped", () => {
    const html = renderLanding({ kind: "group", storeName: "街角<咖啡>", groupName: "福利 2 群\"", imageUrl: "/j/abc/qr/1", validUntil: "2026-11-20" }, zh.livePublic, "zh-CN");
    expect(html).toContain('<img src="/j/abc/qr/1" alt="福利 2 群&quot;"');
    expect(html).toContain("街角&lt;咖啡&gt;");
    expect(html).not.toContain("<咖啡>");
    expect(html).toContain("2026-11-20");
  });

  it("asks the visitor to contact the store when every group is full, in either language", () => {
    expect(renderLanding({ kind: "full", storeName: "Corner Cafe" }, en.livePublic, "en")).toContain(en.livePublic.fullBody);
    expect(renderLanding({ kind: "full", storeName: "街角咖啡" }, zh.livePublic, "zh-CN")).toContain("请联系门店");
  });
});
