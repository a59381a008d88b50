// Weekly and monthly reports: one model (model.ts), built from the project's data (build.ts),
// rendered as JSON, Markdown, CSV, HTML or PDF (render.ts).

export * from './model.js';
export { weeklyReport, monthlyReport, weekStart, monthRange } from './build.js';
export * from './render.js';
