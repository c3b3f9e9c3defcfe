/** A CSV download: a plain link (a route handler, not a page, so no client-side navigation). */
export function ExportLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className="inline-flex min-h-10 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-500">
      {label}
    </a>
  );
}
