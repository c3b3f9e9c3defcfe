import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups, liveCodeScans, liveCodes, liveCodeTargets, publicCodes, uploads } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { newId } from "@/lib/ids";
import { getLiveCode, getPublicImage, getScanStats } from "@/lib/livecodes/queries";
import { recordScan } from "@/lib/livecodes/scan";
import { imagePath } from "@/lib/livecodes/uploads";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

process.env.QUNYUN_UPLOAD_DIR ??= mkdtempSync(path.join(os.tmpdir(), "qy-livecodes-"));

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createLiveCodeAction, deleteLiveCodeAction, updateLiveCodeAction } = await import("./actions");
const { PUT: uploadImage } = await import("./uploads/route");
const { GET: getImage } = await import("./uploads/[upload]/route");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const day = 24 * 60 * 60 * 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => iso(new Date(Date.now() + n * day));

async function upload(workspaceId: string, bytes: Buffer, filename = "qr.png") {
  const request = new Request(`http://localhost/w/${workspaceId}/livecodes/uploads?filename=${filename}`, {
    method: "PUT",
    body: new Uint8Array(bytes),
    headers: { "content-length": String(bytes.length) },
  });
  const response = await uploadImage(request, { params: Promise.resolve({ workspace: workspaceId }) });
  const text = await response.text();
  return { status: response.status, body: (text.startsWith("{") ? JSON.parse(text) : { error: text }) as { id?: string; error?: string } };
}

async function makeGroups(workspaceId: string, names: string[]) {
  const rows = names.map((name) => ({ workspaceId, id: newId(), name, stage: "active" as const }));
  await getDb().insert(groups).values(rows);
  return rows.map((r) => r.id);
}

type Target = { groupId: string; qrUploadId?: string; qrExpiresOn?: string };
const fields = (name: string, targets: Target[], extra: Record<string, unknown> = {}) => ({
  name,
  slug: "",
  channel: "门店海报",
  capacity: "2",
  welcomeMessage: "欢迎!",
  tagIds: [],
  targetGroupId: targets.map((t) => t.groupId),
  targetUploadId: targets.map((t) => t.qrUploadId ?? ""),
  targetExpiresOn: targets.map((t) => t.qrExpiresOn ?? ""),
  ...extra,
});

/** A workspace with an operator signed in, two groups and a QR image for each. */
async function setup(label: string) {
  const ws = await makeWorkspace(label);
  current.session = await sessionFor(ws.operator);
  const [a, b] = (await makeGroups(ws.workspaceId, [`${label} 1 群`, `${label} 2 群`])) as [string, string];
  const qa = (await upload(ws.workspaceId, PNG)).body.id!;
  const qb = (await upload(ws.workspaceId, PNG)).body.id!;
  return { ws, a, b, qa, qb };
}

async function create(workspaceId: string, input: Record<string, unknown>) {
  const r = await createLiveCodeAction(workspaceId, null, input);
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

const scan = (slug: string, visitorId: string | null = null) => recordScan(getDb(), { slug, visitorId, uaClass: "wechat", ipHash: null });
const groupOf = (r: Awaited<ReturnType<typeof scan>>) => (r.found ? (r.target?.groupName ?? "full") : "not found");

describe("live-code routing", () => {
  it("fills the first group to capacity, then the second, then shows the contact-the-store page", async () => {
    const { ws, a, b, qa, qb } = await setup("route");
    const code = await create(ws.workspaceId, fields("门店海报码", [{ groupId: a, qrUploadId: qa, qrExpiresOn: inDays(5) }, { groupId: b, qrUploadId: qb, qrExpiresOn: inDays(5) }]));
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(groupOf(await scan(code.slug)));
    expect(seen).toEqual(["route 1 群", "route 1 群", "route 2 群", "route 2 群", "full"]);
    const stored = await getLiveCode(getDb(), { workspaceId: ws.workspaceId, liveCodeId: code.liveCodeId });
    expect(stored?.scanCount).toBe(5);
    expect(stored?.exhausted).toBe(true);
    expect(stored?.exhaustedAt).not.toBeNull();
    expect(stored?.targets.map((t) => [t.fill, t.state])).toEqual([[2, "full"], [2, "full"]]);
  });

  it("gives a returning visitor the same group without counting them twice", async () => {
    const { ws, a, b, qa, qb } = await setup("return");
    const code = await create(ws.workspaceId, fields("回访码", [{ groupId: a, qrUploadId: qa, qrExpiresOn: inDays(5) }, { groupId: b, qrUploadId: qb, qrExpiresOn: inDays(5) }]));
    const first = await scan(code.slug);
    if (!first.found) throw new Error("not found");
    for (let i = 0; i < 3; i++) expect(groupOf(await scan(code.slug, first.visitorId))).toBe("return 1 群");
    expect(groupOf(await scan(code.slug))).toBe("return 1 群");
    expect(groupOf(await scan(code.slug))).toBe("return 2 群");
    const stats = await getScanStats(getDb(), { workspaceId: ws.workspaceId, liveCodeId: code.liveCodeId, since: new Date(Date.now() - day), timeZone: "Asia/Shanghai" });
    expect(stats.perDay.reduce((n, d) => n + d.scans, 0)).toBe(6);
    expect(stats.perTarget.find((t) => t.groupId === a)).toMatchObject({ scans: 5, returning: 3 });
  });

  it("skips a group whose QR expired and takes it back once a fresh QR is in", async () => {
    const { ws, a, b, qa, qb } = await setup("expiry");
    const code = await create(ws.workspaceId, fields("过期码", [{ groupId: a, qrUploadId: qa, qrExpiresOn: inDays(-1) }, { groupId: b, qrUploadId: qb, qrExpiresOn: inDays(5) }]));
    expect(groupOf(await scan(code.slug))).toBe("expiry 2 群");
    const stored = await getLiveCode(getDb(), { workspaceId: ws.workspaceId, liveCodeId: code.liveCodeId });
    expect(stored?.targets.map((t) => t.state)).toEqual(["expired", "open"]);
    // A fresh QR for the first group brings it back into the rotation.
    const updated = await updateLiveCodeAction(ws.workspaceId, null, { ...fields("过期码", [{ groupId: a, qrUploadId: qa, qrExpiresOn: inDays(6) }, { groupId: b, qrUploadId: qb, qrExpiresOn: inDays(5) }]), liveCodeId: code.liveCodeId });
    expect(updated.ok).toBe(true);
    expect(groupOf(await scan(code.slug))).toBe("expiry 1 群");
  });

  it("counts every one of 40 concurrent scans once and never overfills a group", async () => {
    const { ws, a, b, qa, qb } = await setup("burst");
    const code = await create(ws.workspaceId, fields("并发码", [{ groupId: a, qrUploadId: qa, qrExpiresOn: inDays(5) }, { groupId: b, qrUploadId: qb, qrExpiresOn: inDays(5) }], { capacity: "15" }));
    const results = await Promise.all(Array.from({ length: 40 }, () => scan(code.slug)));
    const tally = results.map(groupOf).reduce<Record<string, number>>((m, g) => ({ ...m, [g]: (m[g] ?? 0) + 1 }), {});
    expect(tally).toEqual({ "burst 1 群": 15, "burst 2 群": 15, full: 10 });
    const [row] = await getDb().select({ n: liveCodes.scanCount }).from(liveCodes).where(and(eq(liveCodes.workspaceId, ws.workspaceId), eq(liveCodes.id, code.liveCodeId)));
    expect(row?.n).toBe(40);
    expect(await getDb().$count(liveCodeScans, and(eq(liveCodeScans.workspaceId, ws.workspaceId), eq(liveCodeScans.liveCodeId, code.liveCodeId)))).toBe(40);
    const targets = await getDb().select({ n: liveCodeTargets.assignedCount }).from(liveCodeTargets).where(eq(liveCodeTargets.liveCodeId, code.liveCodeId));
    expect(targets.map((t) => t.n)).toEqual([15, 15]);
  });
});

describe("live-code input", () => {
  it("refuses a taken or malformed slug, a duplicate group and a QR without its expiry date", async () => {
    const { ws, a, b, qa } = await setup("input");
    const other = await makeWorkspace("input-other");
    const slug = `store-${newId().slice(-8)}`;
    await create(ws.workspaceId, fields("一号码", [{ groupId: a }], { slug }));
    current.session = await sessionFor(other.owner);
    const [og] = (await makeGroups(other.workspaceId, ["别家 1 群"])) as [string];
    expect(await createLiveCodeAction(other.workspaceId, null, fields("别家码", [{ groupId: og }], { slug: slug.toUpperCase() }))).toMatchObject({ ok: false, fieldErrors: { slug: ["liveCodeErrors.slugTaken"] } });
    current.session = await sessionFor(ws.operator);
    expect(await createLiveCodeAction(ws.workspaceId, null, fields("二号码", [{ groupId: a }], { slug: "坏 slug/.." }))).toMatchObject({ ok: false, fieldErrors: { slug: ["liveCodeErrors.slugFormat"] } });
    expect(await createLiveCodeAction(ws.workspaceId, null, fields("二号码", [{ groupId: a }, { groupId: a }]))).toMatchObject({ ok: false, fieldErrors: { "targets.1.groupId": ["liveCodeErrors.duplicateGroup"] } });
    expect(await createLiveCodeAction(ws.workspaceId, null, fields("二号码", [{ groupId: b, qrUploadId: qa }]))).toMatchObject({ ok: false, fieldErrors: { "targets.0.qrExpiresOn": ["liveCodeErrors.expiryNeeded"] } });
    expect(await createLiveCodeAction(ws.workspaceId, null, fields("二号码", []))).toMatchObject({ ok: false, fieldErrors: { targets: ["liveCodeErrors.targetsNeeded"] } });
    expect(await getDb().$count(publicCodes, eq(publicCodes.workspaceId, ws.workspaceId))).toBe(1);
  });

  it("keeps images that are images and refuses a text file named .png and a file over 2 MB", async () => {
    const ws = await makeWorkspace("upload");
    current.session = await sessionFor(ws.operator);
    expect(await upload(ws.workspaceId, Buffer.from("just some text, not a picture"), "fake.png")).toEqual({ status: 415, body: { error: "liveCodeErrors.notImage" } });
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    expect(await upload(ws.workspaceId, big)).toEqual({ status: 413, body: { error: "liveCodeErrors.imageTooLarge" } });
    const jpeg = await upload(ws.workspaceId, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), "qr.jpg");
    expect(jpeg.status).toBe(200);
    const image = await getImage(new Request("http://localhost/"), { params: Promise.resolve({ workspace: ws.workspaceId, upload: jpeg.body.id! }) });
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await image.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    current.session = await sessionFor(ws.viewer);
    expect((await upload(ws.workspaceId, PNG)).status).toBe(403);
  });

  it("answers 404 for an image whose file is gone from disk", async () => {
    const ws = await makeWorkspace("upload-gone");
    current.session = await sessionFor(ws.operator);
    const png = await upload(ws.workspaceId, PNG);
    const [row] = await getDb().select().from(uploads).where(and(eq(uploads.workspaceId, ws.workspaceId), eq(uploads.id, png.body.id!)));
    rmSync(imagePath(ws.workspaceId, row!.storageKey));
    const image = await getImage(new Request("http://localhost/"), { params: Promise.resolve({ workspace: ws.workspaceId, upload: png.body.id! }) });
    expect(image.status).toBe(404);
  });
});

describe("live-code tenancy", () => {
  it("hides a workspace's live codes and images from another workspace and from the public beyond the code's own QRs", async () => {
    const { ws, a, qa, qb } = await setup("tenant");
    const code = await create(ws.workspaceId, fields("本店码", [{ groupId: a, qrUploadId: qa, qrExpiresOn: inDays(3) }]));
    const other = await makeWorkspace("tenant-other");
    current.session = await sessionFor(other.owner);
    expect(await updateLiveCodeAction(other.workspaceId, null, { ...fields("偷改", [{ groupId: a }]), liveCodeId: code.liveCodeId })).toMatchObject({ ok: false });
    expect(await deleteLiveCodeAction(other.workspaceId, null, { liveCodeId: code.liveCodeId })).toMatchObject({ ok: false, error: "errors.notFound" });
    const [og] = (await makeGroups(other.workspaceId, ["别家群"])) as [string];
    expect(await createLiveCodeAction(other.workspaceId, null, fields("借图", [{ groupId: og, qrUploadId: qa, qrExpiresOn: inDays(3) }]))).toMatchObject({ ok: false, fieldErrors: { targets: ["liveCodeErrors.uploadNotFound"] } });
    const image = await getImage(new Request("http://localhost/"), { params: Promise.resolve({ workspace: other.workspaceId, upload: qa }) });
    expect(image.status).toBe(404);
    expect(await getPublicImage(getDb(), { slug: code.slug, uploadId: qa })).not.toBeNull();
    expect(await getPublicImage(getDb(), { slug: code.slug, uploadId: qb })).toBeNull();
    current.session = await sessionFor(ws.viewer);
    expect(await deleteLiveCodeAction(ws.workspaceId, null, { liveCodeId: code.liveCodeId })).toMatchObject({ ok: false, error: "errors.forbidden" });
    current.session = await sessionFor(ws.operator);
    expect(await deleteLiveCodeAction(ws.workspaceId, null, { liveCodeId: code.liveCodeId })).toMatchObject({ ok: true });
    expect(groupOf(await scan(code.slug))).toBe("not found");
  });
});
