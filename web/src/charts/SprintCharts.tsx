// The overview's charts (Recharts, a chunk of its own loaded with the overview's lower half): the
// active sprint's burndown against its ideal line, velocity per closed sprint, and work done per
// week (with or without sprints).

import { useComputedColorScheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Burndown, Velocity, WeeklyVelocity } from '../api/types';

function useAxisColor() {
  return useComputedColorScheme('light') === 'dark' ? '#c1c2c5' : '#495057';
}

export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const axis = useAxisColor();
  const rows = burndown.chart.days.map((day, index) => ({ day: day.slice(5), remaining: burndown.chart.remaining[index], ideal: burndown.chart.ideal[index] }));
  return (
    <div role="img" aria-label={`Burndown of ${burndown.sprint.name}`} style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" stroke={axis} />
          <YAxis stroke={axis} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="ideal" name="Ideal" stroke="#868e96" strokeDasharray="5 5" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="remaining" name={`Remaining ${burndown.chart.measure}`} stroke="#228be6" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const axis = useAxisColor();
  return (
    <div role="img" aria-label="Velocity per sprint" style={{ width: '100%', height: 200 }}>
      <ResponsiveContainer>
        <BarChart data={velocity.sprints.map((sprint) => ({ ...sprint, label: `#${sprint.number}` }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke={axis} />
          <YAxis stroke={axis} />
          <Tooltip />
          <Legend />
          <Bar dataKey="committed" name="Committed" fill="#adb5bd" isAnimationActive={false} />
          <Bar dataKey="completed" name="Completed" fill="#40c057" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function WeeklyVelocityChart({ weekly }: { weekly: WeeklyVelocity }) {
  const axis = useAxisColor();
  const rows = weekly.velocity.periods.map((period, index) => ({ week: period.name.slice(5), done: period.value, items: weekly.throughput.periods[index]?.value ?? 0 }));
  return (
    <div role="img" aria-label={`${weekly.velocity.measure === 'points' ? 'Points' : 'Items'} done per week, ${weekly.velocity.periods[0]?.name ?? ''} to ${weekly.velocity.periods.at(-1)?.name ?? ''}`} style={{ width: '100%', height: 200 }}>
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" stroke={axis} />
          <YAxis stroke={axis} />
          <Tooltip />
          <Legend />
          <Bar dataKey="done" name={weekly.velocity.measure === 'points' ? 'Points done' : 'Items done'} fill="#40c057" isAnimationActive={false} />
          {weekly.velocity.measure === 'points' ? <Bar dataKey="items" name="Items done" fill="#74c0fc" isAnimationActive={false} /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
