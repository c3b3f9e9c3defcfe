import { getDb } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { toCsv, toJson, toMarkdown } from "@/lib/sop/exchange";
import { exportTemplateOf, getTemplate } from "@/lib/sop/queries";
import { toXlsx } from "@/lib/sop/xlsx";
import { workspaceRoute } from "@/lib/route";

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/** The template as XLSX, CSV, Markdown or JSON. Viewers may export too (it is a read). */
export const GET = workspaceRoute<{ workspace: string; template: string }>("viewer", async (request, ctx, params) => {
  if (!isUuid(params.template)) return new Response("Not found", { status: 404 });
  const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
  if (!(format in TYPES)) return new Response("Unknown format", { status: 400 });
  const template = await getTemplate(getDb(), { workspaceId: ctx.workspaceId, templateId: params.template });
  if (!template) return new Response("Not found", { status: 404 });
  const data = exportTemplateOf(template);
  const ext = format as keyof typeof TYPES;
  const body = ext === "xlsx" ? await toXlsx(data) : ext === "csv" ? toCsv(data) : ext === "md" ? toMarkdown(data) : toJson(data);
  const file = `${template.name}.${ext}`;
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": TYPES[ext],
      "Content-Disposition": `attachment; filename="sop.${ext}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      "Cache-Control": "no-store",
    },
  });
});
