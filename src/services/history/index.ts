// Plan history from git: reading it (read.ts, over git.ts, log.ts, blobs.ts and cache.ts) and the
// reports built on it (report.ts).

export { readPlanHistory, type HistoryOptions, type HistoryStats, type PlanHistory } from './read.js';
export {
  loadPlanWithHistory,
  historyTimeline,
  historyBurndown,
  historyVelocity,
  historyCycleTime,
  type PlanWithHistory,
  type ChartRequest,
  type BurndownReport,
  type VelocityReport,
  type VelocityPeriod,
  type CycleTimeRequest,
} from './report.js';
