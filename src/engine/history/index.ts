// Plan history: a timeline of every item from successive revisions of a plan, and the metrics
// read from it (burndown, burnup, velocity, throughput, cycle time, cumulative flow). Pure: the
// revisions and dates come from the caller (the git reader in services/history, or a server's
// own item history turned into ItemSeries).

export * from './types.js';
export { summarizeRevision, isDerivedId } from './revision.js';
export { titleSimilarity, normalizeTitle } from './similarity.js';
export { matchRevisions, TITLE_SIMILARITY_THRESHOLD, type RevisionMatch } from './match.js';
export { buildTimeline, buildTimelineFromRevisions, advanceTimeline, emptyTimeline, type PlanSnapshot, type TimelineState } from './timeline.js';
export { timelineBetween } from './query.js';
export { seriesFromTimeline, eventTimes } from './series.js';
export { timelineChanges, type ChangeField, type ItemPresence, type RecordedChange } from './changes.js';
export { defaultMeasure } from './measure.js';
export { burndown, burnup, workingDays, type Burndown, type Burnup, type ChartRange } from './burndown.js';
export { velocity, throughput, weeklyPeriods, median, percentile, type Velocity, type PeriodTotal } from './velocity.js';
export { cycleTimes, type CycleTimeReport, type ItemCycleTime, type CycleTimeOptions } from './cycle-time.js';
export { cumulativeFlow, type CumulativeFlow } from './flow.js';
export { sprintWindow, findSprint, planStartDay, type SprintWindow } from './sprint-window.js';
export { toTime, dayText, dayNumber, isoWeekName, DAY_MS } from './dates.js';
