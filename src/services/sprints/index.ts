// Sprints: the operations (service.ts), their report (report.ts), charts and forecast (charts.ts),
// and sprints declared in an imported plan (from-plan.ts).

export * from './types.js';
export * from './service.js';
export * from './report.js';
export * from './charts.js';
export { importPlanSprints } from './from-plan.js';
