"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Scans per day, and how many of them found a group. The table next to it carries the same
 * numbers for screen readers.
 */
export function ScansChart({ data, label, scansLabel, routedLabel }: { data: { day: string; scans: number; routed: number }[]; label: string; scansLabel: string; routedLabel: string }) {
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={12} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={12} width={36} />
          <Tooltip />
          <Legend />
          <Bar dataKey="scans" name={scansLabel} fill="#a8a29e" isAnimationActive={false} />
          <Bar dataKey="routed" name={routedLabel} fill="#047857" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
