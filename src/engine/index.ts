// The engine's public surface: build a plan from Markdown, analyse it, lint it, and edit it.
// Pure functions only; callers do the I/O.

export * from './model.js';
export { buildPlan } from './build.js';
export { scan, textOf, lineText, isGfmTask, isGfmTaskAt, type ScanLine, type ScanResult, type LineKind } from './scan.js';
export { contentHash } from './hash.js';
export { parseStatus } from './read/status.js';
export * from './analyze/index.js';
export { lintPlan, RULES, type LintRule } from './lint/index.js';
export * from './edit/index.js';
export { decodeBytes, encodeWithEdits, looksBinary, byteOffsetAt, type DecodedText } from './decode.js';
