// The engine's public surface: build a plan from Markdown, analyse it, lint it, and edit it.
// Pure functions only; callers do the I/O.

export * from './model.js';
export { buildPlan } from './build.js';
export { scan, lineText, isGfmTask, type ScanLine, type ScanResult, type LineKind } from './scan.js';
export { contentHash } from './hash.js';
export { parseStatus } from './read/status.js';
