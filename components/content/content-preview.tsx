import { useTranslations } from "next-intl";
import type { ContentFormat } from "@/db/schema";
import { ChatMessage, PhoneFrame, TextBubble } from "@/components/rules/phone-preview";

export type PreviewVariant = {
  label: string;
  body: string;
  linkUrl: string | null;
  miniProgramTitle: string | null;
  miniProgramPath: string | null;
  imageUploadIds: string[];
};

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname : "";
  } catch {
    return "";
  }
}

/* eslint-disable @next/next/no-img-element -- private, authorised image routes; next/image would proxy them */

/**
 * One variant as a WeChat group member would see it: a text bubble, pictures, a link card or a
 * mini-program card. Shared by the item form (live, as the user types) and the read-only view.
 */
export function ContentPreview({ workspaceId, title, format, variant, groupName }: { workspaceId: string; title: string; format: ContentFormat; variant: PreviewVariant; groupName?: string }) {
  const t = useTranslations("contentPreview");
  const src = (id: string) => `/w/${workspaceId}/livecodes/uploads/${id}`;
  const sender = t("sender");
  const body = variant.body.trim();
  const images = variant.imageUploadIds;
  return (
    <PhoneFrame title={groupName ?? t("group")} label={t("label", { variant: variant.label })}>
      {format === "text" || format === "image_text" ? (
        <>
          {format === "image_text"
            ? images.map((id, i) => (
                <ChatMessage key={`${id}-${i}`} sender={sender}>
                  <img src={src(id)} alt={t("image", { n: i + 1 })} className="max-h-48 max-w-[150px] rounded-md border border-stone-200 bg-white object-contain" />
                </ChatMessage>
              ))
            : null}
          {body || format === "text" ? (
            <ChatMessage sender={sender}>
              <TextBubble text={body || t("emptyText")} />
            </ChatMessage>
          ) : null}
        </>
      ) : null}
      {format === "link" ? (
        <ChatMessage sender={sender}>
          <div className="w-[210px] rounded-md bg-white p-3" data-testid="link-card">
            <p className="line-clamp-2 text-[14px] font-medium text-stone-900">{title || t("untitled")}</p>
            <div className="mt-1 flex gap-2">
              <p className="line-clamp-3 flex-1 break-words text-[12px] text-stone-500">{body || variant.linkUrl || t("noUrl")}</p>
              {images[0] ? <img src={src(images[0])} alt={t("thumbnail")} className="h-12 w-12 shrink-0 rounded object-cover" /> : <div aria-hidden className="h-12 w-12 shrink-0 rounded bg-stone-200" />}
            </div>
            <p className="mt-2 border-t border-stone-100 pt-1 text-[11px] text-stone-400">{hostOf(variant.linkUrl) || t("link")}</p>
          </div>
        </ChatMessage>
      ) : null}
      {format === "mini_program" ? (
        <>
          {body ? (
            <ChatMessage sender={sender}>
              <TextBubble text={body} />
            </ChatMessage>
          ) : null}
          <ChatMessage sender={sender}>
            <div className="w-[210px] rounded-md bg-white p-2" data-testid="mini-program-card">
              <p className="text-[11px] text-stone-500">{t("miniProgram")}</p>
              <p className="mt-1 line-clamp-2 text-[14px] text-stone-900">{variant.miniProgramTitle || t("untitled")}</p>
              {images[0] ? (
                <img src={src(images[0])} alt={t("cover")} className="mt-1 aspect-[5/4] w-full rounded object-cover" />
              ) : (
                <div aria-hidden className="mt-1 aspect-[5/4] w-full rounded bg-stone-200" />
              )}
              <p className="mt-1 border-t border-stone-100 pt-1 font-mono text-[10px] text-stone-400">{variant.miniProgramPath || t("noPath")}</p>
            </div>
          </ChatMessage>
        </>
      ) : null}
    </PhoneFrame>
  );
}
