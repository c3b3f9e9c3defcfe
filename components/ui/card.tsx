import type { ReactNode } from "react";

export function Card({ title, lead, children, id }: { title?: string; lead?: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id ? `${id}-title` : undefined} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
      {title ? (
        <h2 id={id ? `${id}-title` : undefined} className="text-base font-semibold text-stone-900">
          {title}
        </h2>
      ) : null}
      {lead ? <p className="mt-1 text-sm text-stone-600">{lead}</p> : null}
      <div className={title || lead ? "mt-4" : ""}>{children}</div>
    </section>
  );
}

export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">{title}</h1>
        {lead ? <p className="mt-1 max-w-2xl text-sm text-stone-600">{lead}</p> : null}
      </div>
      {children}
    </header>
  );
}

export function Badge({ children, tone = "stone" }: { children: ReactNode; tone?: "stone" | "emerald" | "amber" }) {
  const tones = { stone: "bg-stone-100 text-stone-700", emerald: "bg-emerald-50 text-emerald-800", amber: "bg-amber-50 text-amber-800" };
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}
