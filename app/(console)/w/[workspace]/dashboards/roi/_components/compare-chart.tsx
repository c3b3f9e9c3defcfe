"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Pilot vs the rest, one pair of bars per measure; the table beside it has the same figures. */
export function CompareChart({ data, label, pilotLabel, restLabel }: { data: { measure: string; pilot: number; rest: number }[]; label: string; pilotLabel: string; restLabel: string }) {
  return (
    <figure aria-label={label} className="h-56 w-full">
      <figcaption className="mb-1 text-xs text-stone-500">{label}</figcaption>
      <ResponsiveContainer width="100%" height="90%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="measure" fontSize={12} />
          <YAxis fontSize={12} width={48} />
          <Tooltip />
          <Legend />
          <Bar dataKey="pilot" name={pilotLabel} fill="#047857" isAnimationActive={false} />
          <Bar dataKey="rest" name={restLabel} fill="#a8a29e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
