"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One variant's reach and unique clicks per day; the table beneath carries the same numbers. */
export function VariantChart({ data, label, reachLabel, clicksLabel, color }: { data: { day: string; reach: number; uniqueClicks: number }[]; label: string; reachLabel: string; clicksLabel: string; color: string }) {
  return (
    <figure aria-label={label} className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip />
          <Legend />
          <Bar dataKey="reach" name={reachLabel} fill="#d6d3d1" isAnimationActive={false} />
          <Bar dataKey="uniqueClicks" name={clicksLabel} fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
