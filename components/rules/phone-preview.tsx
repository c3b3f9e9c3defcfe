import type { ReactNode } from "react";

/** A phone-sized WeChat chat window; its messages are the children. */
export function PhoneFrame({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <figure aria-label={label} className="mx-auto w-[300px] overflow-hidden rounded-[2rem] border-8 border-stone-800 bg-[#ededed] shadow-lg">
      <div className="bg-[#ededed] px-4 py-2 text-center text-sm font-medium text-stone-800">{title}</div>
      <div className="h-[460px] space-y-3 overflow-y-auto px-3 py-3" data-testid="phone-screen">
        {children}
      </div>
    </figure>
  );
}

/** One message in the chat: the sender's avatar and name, then what they sent. */
export function ChatMessage({ sender, children }: { sender: string; children: ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <div className="h-8 w-8 shrink-0 rounded bg-emerald-600 text-center text-xs leading-8 text-white" aria-hidden>
        {sender.slice(0, 1)}
      </div>
      <div className="min-w-0">
        <p className="mb-0.5 text-[11px] text-stone-500">{sender}</p>
        {children}
      </div>
    </div>
  );
}

/** A text bubble as WeChat draws it. */
export function TextBubble({ text }: { text: string }) {
  return (
    <div className="max-w-[210px] whitespace-pre-wrap break-words rounded-md bg-white px-3 py-2 text-[14px] leading-relaxed text-stone-900" data-testid="phone-bubble">
      {text}
    </div>
  );
}

/** A phone-sized WeChat chat: the welcome message as a member will see it, paragraph by paragraph. */
export function PhonePreview({ title, sender, paragraphs, label }: { title: string; sender: string; paragraphs: string[]; label: string }) {
  return (
    <PhoneFrame title={title} label={label}>
      <ChatMessage sender={sender}>
        <TextBubble text={paragraphs.join("\n\n")} />
      </ChatMessage>
    </PhoneFrame>
  );
}
