import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { groups } from "@/db/schema";
import type { Session } from "@/lib/auth/session";
import { createPosts } from "@/lib/calendar/posts";
import { listContentOptions } from "@/lib/content/options";
import { getContentItem, listContentItems } from "@/lib/content/queries";
import { contentFiltersSchema } from "@/lib/content/schema";
import { newId } from "@/lib/ids";
import { makeWorkspace, sessionFor } from "@/lib/testing/fixtures";

process.env.QUNYUN_UPLOAD_DIR ??= mkdtempSync(path.join(os.tmpdir(), "qy-content-"));

const current = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => current.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { archiveContentItemAction, createContentItemAction, deleteContentItemAction, restoreContentItemAction, updateContentItemAction } = await import("./actions");
const { PUT: uploadImage } = await import("../../livecodes/uploads/route");

afterAll(closeDb);
beforeEach(() => {
  current.session = null;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function upload(workspaceId: string) {
  const request = new Request(`http://localhost/w/${workspaceId}/livecodes/uploads?filename=poster.png`, {
    method: "PUT",
    body: new Uint8Array(PNG),
    headers: { "content-length": String(PNG.length) },
  });
  const response = await uploadImage(request, { params: Promise.resolve({ workspace: workspaceId }) });
  return ((await response.json()) as { id: string }).id;
}

type V = { id?: string; label: string; body?: string; linkUrl?: string; mpTitle?: string; mpPath?: string; images?: string[] };
const fields = (title: string, variants: V[], extra: Record<string, unknown> = {}) => ({
  title,
  category: "activity",
  format: "text",
  tags: "新品, 周一",
  variantId: variants.map((v) => v.id ?? ""),
  variantLabel: variants.map((v) => v.label),
  variantBody: variants.map((v) => v.body ?? ""),
  variantLinkUrl: variants.map((v) => v.linkUrl ?? ""),
  variantMiniProgramTitle: variants.map((v) => v.mpTitle ?? ""),
  variantMiniProgramPath: variants.map((v) => v.mpPath ?? ""),
  variantImages: variants.map((v) => (v.images ?? []).join(",")),
  ...extra,
});

async function setup(label: string) {
  const ws = await makeWorkspace(label);
  current.session = await sessionFor(ws.operator);
  return ws;
}

async function create(workspaceId: string, input: Record<string, unknown>) {
  const r = await createContentItemAction(workspaceId, null, input);
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data.itemId;
}

const filters = (f: Record<string, string | undefined> = {}) => contentFiltersSchema.parse(f);

describe("content library actions", () => {
  it("creates an item with A/B variants, finds it by title, body and tag, and edits the variants in place", async () => {
    const ws = await setup("content-create");
    const poster = await upload(ws.workspaceId);
    const itemId = await create(
      ws.workspaceId,
      fields("周一新品预告", [{ label: "A", body: "红色海报:今晚 8 点上新", images: [poster] }, { label: "B", body: "黄色海报:今晚 8 点上新", images: [poster] }], { format: "image_text" }),
    );
    const item = await getContentItem(getDb(), { workspaceId: ws.workspaceId, itemId });
    expect(item?.variants.map((v) => [v.label, v.body, v.imageUploadIds])).toEqual([
      ["A", "红色海报:今晚 8 点上新", [poster]],
      ["B", "黄色海报:今晚 8 点上新", [poster]],
    ]);
    expect(item?.tags).toEqual(["新品", "周一"]);

    for (const f of [{ q: "新品预告" }, { q: "黄色海报" }, { q: "周一" }, { tag: "新品", category: "activity", format: "image_text" }]) {
      expect((await listContentItems(getDb(), { workspaceId: ws.workspaceId, filters: filters(f) })).items.map((i) => i.id), JSON.stringify(f)).toEqual([itemId]);
    }
    expect((await listContentItems(getDb(), { workspaceId: ws.workspaceId, filters: filters({ q: "100%" }) })).total).toBe(0);
    expect((await listContentItems(getDb(), { workspaceId: ws.workspaceId, filters: filters({ category: "product" }) })).total).toBe(0);

    // Swap the labels of the two variants and add a third: the ids of A and B are kept.
    const [a, b] = item!.variants;
    const r = await updateContentItemAction(
      ws.workspaceId,
      null,
      fields("周一新品预告", [{ id: a!.id, label: "B", body: "红色", images: [poster] }, { id: b!.id, label: "A", body: "黄色", images: [poster] }, { label: "C", body: "绿色", images: [poster] }], {
        itemId,
        format: "image_text",
      }),
    );
    expect(r.ok).toBe(true);
    const after = await getContentItem(getDb(), { workspaceId: ws.workspaceId, itemId });
    expect(after?.variants.map((v) => [v.id === a!.id, v.id === b!.id, v.label, v.body])).toEqual([
      [true, false, "B", "红色"],
      [false, true, "A", "黄色"],
      [false, false, "C", "绿色"],
    ]);
  });

  it("refuses 4,001 characters, a non-http link and a missing mini-program path next to their fields", async () => {
    const ws = await setup("content-invalid");
    const long = await createContentItemAction(ws.workspaceId, null, fields("长文", [{ label: "A", body: "字".repeat(4001) }]));
    expect(long).toMatchObject({ ok: false, fieldErrors: { "variants.0.body": ["contentErrors.textTooLong"] } });
    const link = await createContentItemAction(ws.workspaceId, null, fields("链接", [{ label: "A", linkUrl: "javascript:alert(1)" }], { format: "link" }));
    expect(link).toMatchObject({ ok: false, fieldErrors: { "variants.0.linkUrl": ["contentErrors.badUrl"] } });
    const mp = await createContentItemAction(ws.workspaceId, null, fields("小程序", [{ label: "A", mpTitle: "领券" }], { format: "mini_program" }));
    expect(mp).toMatchObject({ ok: false, fieldErrors: { "variants.0.miniProgramPath": ["contentErrors.miniProgramPathNeeded"] } });
    expect((await listContentItems(getDb(), { workspaceId: ws.workspaceId, filters: filters() })).total).toBe(0);
  });

  it("refuses another workspace's image and keeps a text item free of stale links", async () => {
    const ws = await setup("content-images");
    const other = await makeWorkspace("content-images-other");
    current.session = await sessionFor(other.operator);
    const foreign = await upload(other.workspaceId);
    current.session = await sessionFor(ws.operator);
    const r = await createContentItemAction(ws.workspaceId, null, fields("海报", [{ label: "A", images: [foreign] }], { format: "image_text" }));
    expect(r).toMatchObject({ ok: false, error: "contentErrors.uploadNotFound" });
    const itemId = await create(ws.workspaceId, fields("纯文字", [{ label: "A", body: "早安", linkUrl: "https://example.com" }]));
    expect((await getContentItem(getDb(), { workspaceId: ws.workspaceId, itemId }))?.variants[0]?.linkUrl).toBeNull();
  });

  it("archives an item used by a post instead of deleting it; archived items leave the pickers", async () => {
    const ws = await setup("content-archive");
    const used = await create(ws.workspaceId, fields("用过的", [{ label: "A", body: "文案" }]));
    const unused = await create(ws.workspaceId, fields("没用过的", [{ label: "A", body: "文案" }]));
    const groupId = newId();
    await getDb().insert(groups).values({ workspaceId: ws.workspaceId, id: groupId, name: "一群", stage: "active" });
    const variant = (await getContentItem(getDb(), { workspaceId: ws.workspaceId, itemId: used }))!.variants[0]!;
    await createPosts(getDb(), ws.workspaceId, [{ groupId, scheduledAt: new Date(Date.now() + 86_400_000), category: "activity", contentItemId: used, variantId: variant.id, title: "用过的" }], ws.operator.id);

    expect(await deleteContentItemAction(ws.workspaceId, null, { itemId: used })).toMatchObject({ ok: false, error: "contentErrors.inUse" });
    // A variant a post points at cannot be removed either.
    const drop = await updateContentItemAction(ws.workspaceId, null, fields("用过的", [{ label: "B", body: "新的" }], { itemId: used }));
    expect(drop).toMatchObject({ ok: false, error: "contentErrors.variantInUse" });

    expect((await archiveContentItemAction(ws.workspaceId, null, { itemId: used })).ok).toBe(true);
    expect((await listContentOptions(getDb(), ws.workspaceId)).map((o) => o.title)).toEqual(["没用过的"]);
    expect((await listContentItems(getDb(), { workspaceId: ws.workspaceId, filters: filters({ archived: "1" }) })).items.map((i) => i.id)).toEqual([used]);
    const edit = await updateContentItemAction(ws.workspaceId, null, fields("用过的", [{ id: variant.id, label: "A", body: "改" }], { itemId: used }));
    expect(edit).toMatchObject({ ok: false, error: "contentErrors.archived" });
    expect((await restoreContentItemAction(ws.workspaceId, null, { itemId: used })).ok).toBe(true);
    expect((await listContentOptions(getDb(), ws.workspaceId)).map((o) => o.title).sort()).toEqual(["没用过的", "用过的"].sort());

    expect((await deleteContentItemAction(ws.workspaceId, null, { itemId: unused })).ok).toBe(true);
    expect(await getContentItem(getDb(), { workspaceId: ws.workspaceId, itemId: unused })).toBeNull();
  });

  it("refuses a viewer in the action itself, and treats another workspace's item as not found", async () => {
    const ws = await setup("content-roles");
    const itemId = await create(ws.workspaceId, fields("我的", [{ label: "A", body: "文案" }]));
    current.session = await sessionFor(ws.viewer);
    expect(await createContentItemAction(ws.workspaceId, null, fields("偷偷", [{ label: "A", body: "x" }]))).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect(await archiveContentItemAction(ws.workspaceId, null, { itemId })).toMatchObject({ ok: false, error: "errors.forbidden" });

    const other = await makeWorkspace("content-roles-other");
    current.session = await sessionFor(other.operator);
    // Their own workspace id with our item id: not found, and nothing changes.
    expect(await archiveContentItemAction(other.workspaceId, null, { itemId })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await updateContentItemAction(other.workspaceId, null, fields("改名", [{ label: "A", body: "x" }], { itemId }))).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await deleteContentItemAction(other.workspaceId, null, { itemId })).toMatchObject({ ok: false, error: "errors.notFound" });
    // Our workspace id: they are not a member.
    expect(await archiveContentItemAction(ws.workspaceId, null, { itemId })).toMatchObject({ ok: false, error: "errors.notFound" });
    const item = await getContentItem(getDb(), { workspaceId: ws.workspaceId, itemId });
    expect([item?.title, item?.archivedAt]).toEqual(["我的", null]);
  });
});
