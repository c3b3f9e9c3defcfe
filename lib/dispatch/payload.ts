import { instantDay, instantTime } from "@/lib/calendar/time";

/**
 * The JSON a webhook receives for a due post: a snapshot taken when the post fell due, stored in
 * post_deliveries.payload so that every retry sends exactly the same bytes (and signature base).
 */
export type PostPayloadRow = {
  id: string;
  workspace_id: string;
  group_id: string;
  group_name: string;
  external_chat_id: string | null;
  scheduled_at: Date | string;
  late: boolean;
  category: string;
  format: string | null;
  title: string;
  body: string;
  item_title: string | null;
  content_item_id: string | null;
  variant_id: string | null;
  variant_label: string | null;
  variant_body: string | null;
  link_url: string | null;
  mini_program_title: string | null;
  mini_program_path: string | null;
  images: { id: string; mimeType: string; filename: string }[] | null;
  time_zone: string;
};

export type PostPayload = ReturnType<typeof buildPostPayload>;

export const PAYLOAD_VERSION = 1;

/** The post's tracked link (lib/links): what members click, and where it leads. */
export type TrackedLink = { url: string; code: string; destination: string };

export function buildPostPayload(row: PostPayloadRow, idempotencyKey: string, tracked?: TrackedLink) {
  const at = new Date(row.scheduled_at);
  const body = row.body || row.variant_body || "";
  return {
    type: "post.due" as const,
    version: PAYLOAD_VERSION,
    idempotencyKey,
    workspaceId: row.workspace_id,
    postId: row.id,
    group: { id: row.group_id, name: row.group_name, externalChatId: row.external_chat_id },
    scheduledAt: at.toISOString(),
    scheduledLocal: `${instantDay(at, row.time_zone)} ${instantTime(at, row.time_zone)}`,
    timeZone: row.time_zone,
    late: row.late,
    category: row.category,
    format: row.format ?? "text",
    title: row.title || row.item_title || "",
    // A URL written in the text is replaced by its tracked URL, so clicks are counted.
    body: tracked ? body.split(tracked.destination).join(tracked.url) : body,
    contentItemId: row.content_item_id,
    variant: row.variant_id ? { id: row.variant_id, label: row.variant_label ?? "" } : null,
    link: tracked ? tracked.url : row.link_url,
    linkDestination: tracked ? tracked.destination : row.link_url,
    miniProgram: row.mini_program_path ? { title: row.mini_program_title ?? "", path: row.mini_program_path } : null,
    images: row.images ?? [],
  };
}

export function idempotencyKeyFor(postId: string, channel: string): string {
  return `qy-${channel}-${postId}`;
}
