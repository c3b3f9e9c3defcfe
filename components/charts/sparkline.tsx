"use client";

import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";

/** A small trend line; the data table beside or below it carries the numbers for screen readers. */
export function Sparkline({ data, label }: { data: { day: string; value: number }[]; label: string }) {
  return (
    <figure aria-label={label} className="h-16 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <YAxis hide domain={[0, "auto"]} />
          <Tooltip formatter={(v) => Math.round(Number(v))} labelFormatter={(_, p) => String(p?.[0]?.payload?.day ?? "")} />
          <Line type="monotone" dataKey="value" stroke="#047857" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
