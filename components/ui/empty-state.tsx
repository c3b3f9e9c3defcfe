import { Badge } from "./card";

/** An honest placeholder: what this area will do, and that it does not do it yet. */
export function EmptyState({ badge, intro, items }: { badge: string; intro: string; items: string[] }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 sm:p-10">
      <Badge tone="amber">{badge}</Badge>
      <p className="mt-4 text-sm text-stone-700">{intro}</p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-stone-700">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
