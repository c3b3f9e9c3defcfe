import { describe, expect, it } from "vitest";
import { classifyAddress, v6Bytes } from "./address";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["93.184.216.34", "public"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.254", "cgnat"],
    ["100.128.0.1", "public"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["198.18.0.1", "reserved"],
  ])("IPv4 %s is %s", (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  it.each([
    ["2606:4700:4700::1111", "public"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "unspecified"],
    ["fe80::1%eth0", "linkLocal"],
    ["febf::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
  ])("IPv6 %s is %s", (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  it("judges IPv4-mapped and embedded IPv6 addresses by their IPv4", () => {
    expect(classifyAddress("::ffff:127.0.0.1")).toBe("loopback");
    expect(classifyAddress("::ffff:7f00:1")).toBe("loopback"); // how URL() writes it
    expect(classifyAddress("::ffff:10.0.0.1")).toBe("private");
    expect(classifyAddress("::ffff:169.254.169.254")).toBe("linkLocal");
    expect(classifyAddress("::ffff:8.8.8.8")).toBe("public");
    expect(classifyAddress("64:ff9b::7f00:1")).toBe("loopback"); // NAT64
    expect(classifyAddress("2002:7f00:1::1")).toBe("loopback"); // 6to4
    expect(classifyAddress("::127.0.0.1")).toBe("loopback"); // deprecated IPv4-compatible
  });

  it("reads the host as URL() normalises it", () => {
    expect(classifyAddress(new URL("http://0x7f.1/").hostname)).toBe("loopback");
    expect(classifyAddress(new URL("http://2130706433/").hostname)).toBe("loopback");
    expect(classifyAddress(new URL("http://[::ffff:127.0.0.1]/").hostname)).toBe("loopback");
  });

  it("calls anything that is not an IP literal invalid", () => {
    expect(classifyAddress("localhost")).toBe("invalid");
    expect(classifyAddress("1.2.3")).toBe("invalid");
    expect(classifyAddress("1::2::3")).toBe("invalid");
  });

  it("expands IPv6 to 16 bytes", () => {
    expect(v6Bytes("::1")).toEqual([...Array(15).fill(0), 1]);
    expect(v6Bytes("::ffff:1.2.3.4")?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(v6Bytes("1:2:3:4:5:6:7:8:9")).toBeNull();
  });
});
