import type { TableModel } from "@/lib/dashboards/tables";

/** A dashboard table (also the accessible twin of a chart): a caption, headers, right-aligned numbers. */
export function DataTable({ table, caption, captionHidden = false, empty }: { table: TableModel; caption: string; captionHidden?: boolean; empty?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-sm font-medium text-stone-700"}>{caption}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-xs text-stone-500">
            {table.headers.map((h, i) => (
              <th key={i} scope="col" className={`px-2 py-2 font-medium whitespace-nowrap ${i === 0 ? "text-left" : "text-right"}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.headers.length} className="px-2 py-4 text-stone-500">
                {empty}
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r} className="border-b border-stone-100 last:border-0">
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="max-w-xs truncate px-2 py-1.5 text-left font-normal text-stone-900" title={cell.text}>
                      {cell.text}
                    </th>
                  ) : (
                    <td key={i} className={`px-2 py-1.5 whitespace-nowrap ${cell.numeric ? "text-right tabular-nums" : "max-w-[14rem] truncate text-right text-stone-700"}`} title={cell.numeric ? undefined : cell.text}>
                      {cell.text}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Chart and table in one card section; the table is under a disclosure so the page stays short. */
export function ChartWithTable({ chart, table, caption, tableLabel, exportHref, exportLabel }: { chart: React.ReactNode; table: TableModel; caption: string; tableLabel: string; exportHref: string; exportLabel: string }) {
  return (
    <div>
      {chart}
      <details className="mt-3 rounded-md border border-stone-200 px-3 py-2">
        <summary className="cursor-pointer text-sm text-emerald-800">{tableLabel}</summary>
        <div className="mt-2">
          <DataTable table={table} caption={caption} captionHidden />
        </div>
      </details>
      <ExportLink href={exportHref} label={exportLabel} />
    </div>
  );
}

export function ExportLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mt-2 text-right text-sm">
      <a href={href} download className="text-emerald-700 underline">
        {label}
      </a>
    </p>
  );
}
