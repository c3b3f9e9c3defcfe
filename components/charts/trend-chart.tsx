"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * One funnel figure over time: a line by day, bars by week (keyed by the week's Monday). The
 * table beneath it on the page carries the same numbers for screen readers.
 */
export function TrendChart({ data, label, seriesLabel, kind }: { data: { bucket: string; value: number }[]; label: string; seriesLabel: string; kind: "line" | "bar" }) {
  const common = { data, margin: { top: 8, right: 8, bottom: 8, left: 0 } };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
      <XAxis dataKey="bucket" tickFormatter={(d: string) => d.slice(5)} fontSize={12} minTickGap={16} />
      <YAxis fontSize={12} width={56} allowDecimals={false} />
      <Tooltip formatter={(v) => [Number(v).toLocaleString("en-US"), seriesLabel]} />
    </>
  );
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart {...common}>
            {axes}
            <Line type="monotone" dataKey="value" name={seriesLabel} stroke="#047857" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        ) : (
          <BarChart {...common}>
            {axes}
            <Bar dataKey="value" name={seriesLabel} fill="#047857" isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
