"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Groups side by side on one figure (horizontal bars, longest first); a table beneath repeats it. */
export function GroupBarChart({ data, label, seriesLabel, unit = "" }: { data: { name: string; value: number }[]; label: string; seriesLabel: string; unit?: string }) {
  const height = Math.max(160, data.length * 28 + 40);
  return (
    <figure aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e7e5e4" />
          <XAxis type="number" fontSize={12} tickFormatter={(v: number) => `${unit}${v}`} />
          <YAxis type="category" dataKey="name" fontSize={12} width={140} tickFormatter={(n: string) => (n.length > 10 ? `${n.slice(0, 10)}…` : n)} />
          <Tooltip formatter={(v) => [`${unit}${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })}`, seriesLabel]} />
          <Bar dataKey="value" name={seriesLabel} fill="#047857" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
