// The weekly and monthly reports as one model: the numbers (for JSON), and the same numbers laid
// out as titled tables that every renderer (Markdown, CSV, HTML, PDF) prints, so the four exports
// cannot disagree.

export type Cell = string | number | null;

export interface ReportTable {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  tables: ReportTable[];
}

export interface PersonWeek {
  userId: string;
  name: string;
  entries: number;
  /** Entries over the week's working days, 0–1. */
  participation: number;
  itemsCompleted: number;
  pointsCompleted: number;
  averageMood: number | null;
}

export interface BlockerLine {
  person: string;
  day: string;
  blockers: string;
  daysOpen: number;
  resolved: boolean;
}

export interface WeeklyReport {
  kind: 'weekly';
  project: string;
  week: string;
  from: string;
  to: string;
  team: {
    entries: number;
    participation: number;
    itemsCompleted: number;
    pointsCompleted: number;
    averageMood: number | null;
    blockersOpenOverTwoDays: number;
  };
  people: PersonWeek[];
  blockers: BlockerLine[];
  /** Team's average mood per working day (null without entries). */
  mood: Array<{ day: string; average: number | null }>;
}

export interface MonthWeek {
  week: string;
  from: string;
  to: string;
  entries: number;
  participation: number;
  pointsCompleted: number;
  itemsCompleted: number;
  cycleTimeMedian: number | null;
  blockersRaised: number;
}

export interface SprintOutcome {
  number: number;
  name: string;
  state: string;
  endDate: string;
  committed: number | null;
  completed: number | null;
}

export interface MonthlyReport {
  kind: 'monthly';
  project: string;
  month: string;
  from: string;
  to: string;
  weeks: MonthWeek[];
  totals: { velocity: number; throughput: number; cycleTimeMedian: number | null; cycleTimeP85: number | null; entries: number };
  topBlockers: BlockerLine[];
  sprints: SprintOutcome[];
}

export type Report = WeeklyReport | MonthlyReport;

const pct = (value: number): string => `${Math.round(value * 100)}%`;
const num = (value: number | null): Cell => value;

export function reportDocument(report: Report): ReportDocument {
  if (report.kind === 'weekly') {
    const t = report.team;
    return {
      title: `Weekly summary ${report.week}: ${report.project}`,
      subtitle: `${report.from} to ${report.to}`,
      tables: [
        {
          title: 'Team',
          columns: ['Entries', 'Participation', 'Items completed', 'Points completed', 'Average mood', 'Blockers open > 2 days'],
          rows: [[t.entries, pct(t.participation), t.itemsCompleted, t.pointsCompleted, num(t.averageMood), t.blockersOpenOverTwoDays]],
        },
        {
          title: 'People',
          columns: ['Person', 'Entries', 'Participation', 'Items completed', 'Points completed', 'Average mood'],
          rows: report.people.map((p) => [p.name, p.entries, pct(p.participation), p.itemsCompleted, p.pointsCompleted, num(p.averageMood)]),
        },
        {
          title: 'Blockers open more than two days',
          columns: ['Person', 'Day', 'Blocker', 'Days open'],
          rows: report.blockers.map((b) => [b.person, b.day, b.blockers, b.daysOpen]),
        },
        { title: 'Mood trend', columns: ['Day', 'Average mood'], rows: report.mood.map((m) => [m.day, num(m.average)]) },
      ],
    };
  }
  const t = report.totals;
  return {
    title: `Monthly report ${report.month}: ${report.project}`,
    subtitle: `${report.from} to ${report.to}`,
    tables: [
      {
        title: 'Month',
        columns: ['Velocity (points)', 'Throughput (items)', 'Cycle time median (days)', 'Cycle time P85 (days)', 'Standup entries'],
        rows: [[t.velocity, t.throughput, num(t.cycleTimeMedian), num(t.cycleTimeP85), t.entries]],
      },
      {
        title: 'Weeks',
        columns: ['Week', 'From', 'To', 'Entries', 'Participation', 'Points completed', 'Items completed', 'Cycle time median (days)', 'Blockers raised'],
        rows: report.weeks.map((w) => [w.week, w.from, w.to, w.entries, pct(w.participation), w.pointsCompleted, w.itemsCompleted, num(w.cycleTimeMedian), w.blockersRaised]),
      },
      {
        title: 'Top blockers',
        columns: ['Person', 'Day', 'Blocker', 'Days open', 'Resolved'],
        rows: report.topBlockers.map((b) => [b.person, b.day, b.blockers, b.daysOpen, b.resolved ? 'yes' : 'no']),
      },
      {
        title: 'Sprint outcomes',
        columns: ['Sprint', 'Name', 'State', 'Ends', 'Committed', 'Completed'],
        rows: report.sprints.map((s) => [s.number, s.name, s.state, s.endDate, num(s.committed), num(s.completed)]),
      },
    ],
  };
}
