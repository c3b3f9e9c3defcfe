import { useTranslations } from "next-intl";
import { CATEGORY_STYLES } from "@/components/content/category";
import { weekRhythm } from "@/lib/content/columns";
import type { ColumnRow } from "@/lib/content/columns-queries";

/** Mon–Sun at a glance: each day's columns by time, in their category's colour. */
export function WeekGrid({ columns, label }: { columns: ColumnRow[]; label: string }) {
  const t = useTranslations("contentColumns");
  const days = weekRhythm(columns);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] table-fixed border-collapse text-xs" aria-label={label}>
        <thead>
          <tr>
            {days.map((d) => (
              <th key={d.weekday} scope="col" className="border border-stone-200 bg-stone-50 px-1 py-1 font-medium text-stone-700">
                {t(`weekdaysShort.${d.weekday}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {days.map((d) => (
              <td key={d.weekday} className="h-16 border border-stone-200 p-1 align-top">
                <ul className="space-y-1">
                  {d.columns.map((c) => {
                    const s = CATEGORY_STYLES[c.category];
                    return (
                      <li key={c.id} className={`rounded border px-1 py-0.5 ${s.bg} ${s.border} ${s.text}`}>
                        <span className="tabular-nums">{c.timeOfDay}</span> {c.name}
                      </li>
                    );
                  })}
                </ul>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
